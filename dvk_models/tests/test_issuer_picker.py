"""The issuing unit a decision offers its officer (issue 22, walk): the
picker listed every unit of the decision's level, most of which the server
then refused. It offers the units the server accepts from him, by the one
predicate both use (``dvk.decision._dvk_issuer_domain``)."""

from odoo.exceptions import AccessError
from odoo.tests import freeze_time, tagged
from odoo.tools.safe_eval import safe_eval

from .common import DvkCommon


def assert_issuer_picker_agrees(case, user, campaign, level, candidates):
    """For each unit of ``candidates`` (units of ``level``): it is offered to
    ``user`` on a new decision of ``campaign`` at ``level`` exactly when the
    server accepts a decision of that unit from him. Returns the units
    offered among ``candidates``."""
    Decision = case.env["dvk.decision"].with_user(user)
    vals = {"campaign_id": campaign.id, "level_id": level.id}
    draft = Decision.new(vals)
    # The picker: the issuing unit's domain, evaluated on the new decision.
    domain = safe_eval(
        Decision._fields["authority_department_id"].domain,
        {"level_id": level.id, "dvk_issuer_ids": draft.dvk_issuer_ids.ids},
    )
    offered = case.env["hr.department"].with_user(user).search(domain)
    case.assertFalse(offered.filtered(lambda unit: unit.dvk_level_id != level))
    for unit in candidates:
        with case.subTest(user=user.login, unit=unit.name):
            try:
                with case.env.cr.savepoint():
                    Decision.create(dict(vals, authority_department_id=unit.id))
                accepted = True
            except AccessError:
                accepted = False
            case.assertEqual(unit.id in offered.ids, accepted)
    return candidates.filtered(lambda unit: unit.id in offered.ids)


@tagged("post_install", "-at_install")
@freeze_time("2026-02-10")
class TestIssuerPicker(DvkCommon):
    def test_party_officer_is_offered_the_units_in_his_charge(self):
        """Rule: a party officer's issuer picker offers the units of the
        decision's level in his charge (his district), not another district
        or the province above, and the server accepts exactly those; a
        manager is offered every unit of the level."""
        other = self.env["hr.department"].create(
            {
                "name": "Huyện ủy Tiểu Cần",
                "parent_id": self.province.id,
                "dvk_level_id": self.level_district.id,
            }
        )
        candidates = self.district | other
        offered = assert_issuer_picker_agrees(
            self, self.user_officer, self.campaign, self.level_district, candidates
        )
        self.assertEqual(offered, self.district)
        offered = assert_issuer_picker_agrees(
            self, self.user_officer, self.campaign, self.level_province, self.province
        )
        self.assertFalse(offered)
        manager = (
            self.env["dvk.decision"]
            .with_user(self.user_manager)
            .new({"campaign_id": self.campaign.id})
        )
        self.assertLessEqual(set(candidates.ids), set(manager.dvk_issuer_ids.ids))
