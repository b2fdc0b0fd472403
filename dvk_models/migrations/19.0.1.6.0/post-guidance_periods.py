"""Guidance documents by period: the guidance text of each profile (one
document per line) becomes dated guidance documents, so that a campaign of a
new phase no longer cites the guidance of the phase before. A document that
names its phase ("giai đoạn 2021-2025") governs those years; the others stay
in force. Campaigns keep the legal bases and phase they already cite."""

import re

from odoo import SUPERUSER_ID, api
from odoo.tools import SQL

PHASE = re.compile(r"giai\s+đoạn\s+(\d{4})\s*[-–]\s*(\d{4})", re.IGNORECASE)


def guidance_lines(text):
    """[(document, year from, year to)] of an old guidance text."""
    lines = []
    for line in (text or "").splitlines():
        name = line.strip()
        if not name:
            continue
        match = PHASE.search(name)
        years = (int(match[1]), int(match[2])) if match else (False, False)
        lines.append((name, *years))
    return lines


def migrate(cr, version):
    if not version:
        return
    cr.execute(
        SQL(
            "SELECT 1 FROM information_schema.columns "
            "WHERE table_name = 'dvk_profile' AND column_name = 'guidance'"
        )
    )
    if not cr.fetchone():
        return
    env = api.Environment(cr, SUPERUSER_ID, {"active_test": False})
    cr.execute(
        SQL(
            "SELECT id, guidance FROM dvk_profile WHERE guidance IS NOT NULL "
            "AND id NOT IN (SELECT profile_id FROM dvk_profile_guidance)"
        )
    )
    vals_list = [
        {
            "profile_id": profile_id,
            "sequence": 10 * index,
            "name": name,
            "year_from": year_from,
            "year_to": year_to,
        }
        for profile_id, text in cr.fetchall()
        for index, (name, year_from, year_to) in enumerate(
            guidance_lines(text), start=1
        )
    ]
    env["dvk.profile.guidance"].create(vals_list)
