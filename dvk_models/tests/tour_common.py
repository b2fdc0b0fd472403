"""What the browser tours of every addon share: their users work in
Vietnamese, as the agencies' users do (README, "Deploying for many users")."""

import datetime

from odoo import fields
from odoo.tests import new_test_user

from .common import CAMPAIGN_BASIS


def vietnamese(env, users, modules):
    """Install Vietnamese with the terms of ``modules`` (as odoo-bin
    --load-language=vi_VN does; already there under it) and make it the
    language of ``users``: the tours then play in the interface our users
    read, under both test runners, and find their steps by technical names
    only."""
    env["res.lang"]._activate_lang("vi_VN")
    env["ir.module.module"]._load_module_terms(modules, ["vi_VN"])
    users.write({"lang": "vi_VN"})


def registration_plan(campaign):
    """What a registration states before it is submitted (seed 001 §4, the
    plan's form; seed 003 Điều 6): scope, objective, timeline within the
    campaign and expected result. Fixtures submitting models give them."""
    return {
        "area": "Các ấp trên địa bàn xã",
        "objective": "Vận động nhân dân cùng tham gia",
        "expected_result": "Hoàn thành trong năm",
        "date_start": campaign.date_start,
        "date_end": campaign.date_end,
    }


def tour_person(env, login, name, groups="dvk_models.group_dvk_user", **kw):
    """A user of a tour and his employee record. His password is his login,
    which ``start_tour`` logs in with."""
    user = new_test_user(env, login=login, groups=groups, name=name, **kw)
    return user, env["hr.employee"].create({"name": name, "user_id": user.id})


def running_year_campaign(env, name, profile, **vals):
    """An open campaign of the current year whose deadlines all fall on its
    last day: the browser works at today's date, and every step of a
    journey (registration, proposal, recognition) must be on time whatever
    the day the tests run."""
    year = fields.Date.context_today(env["dvk.campaign"]).year
    end = datetime.date(year, 12, 31)
    campaign = env["dvk.campaign"].create(
        {
            "name": name,
            "year": year,
            "profile": profile,
            "date_start": datetime.date(year, 1, 1),
            "date_end": end,
            "registration_deadline": end,
            "proposal_deadline": end,
            "recognition_deadline": end,
            **vals,
        }
    )
    campaign.action_open()
    # An issued decision states its legal bases: the years no shipped
    # guidance governs get the basis the campaign's decisions cite.
    if not campaign.legal_basis:
        campaign.legal_basis = CAMPAIGN_BASIS
    return campaign
