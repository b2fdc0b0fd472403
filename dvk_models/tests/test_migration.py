"""The 19.0.1.2.0 migration on a database of the previous version: decisions
issued before numbering per issuing unit get their number in the year back,
and records recognised lower but proposed higher stay recognised."""

from odoo.tests import freeze_time, tagged

from .common import DvkCommon, run_migration


def _migrate(cr):
    run_migration("dvk_models", "19.0.1.2.0", "post-migrate", cr, "19.0.1.1.0")


@tagged("post_install", "-at_install")
@freeze_time("2026-02-10")
class TestMigration(DvkCommon):
    def _issued(self, name="Dân vận khéo trong hiến đất làm đường"):
        model = self._proposed(name=name)
        decision = self._decision(model)
        decision.action_confirm()
        return model, decision

    def _forget_numbers(self, decisions):
        """What a database of the previous version holds: printed numbers, no
        number in the year, no counter."""
        self.env.flush_all()
        self.env.cr.execute(
            "UPDATE dvk_decision SET sequence_number = NULL WHERE id IN %s",
            [tuple(decisions.ids)],
        )
        self.env.cr.execute(
            "DELETE FROM dvk_decision_counter WHERE authority_department_id IN %s",
            [tuple(decisions.authority_department_id.ids)],
        )
        self.env.invalidate_all()

    def test_numbers_in_the_year_restored(self):
        """Decree 30/2020/NĐ-CP: numbers run per issuing unit and year; after
        the migration the old decisions keep their printed number as their
        number in the year and the unit's next decision follows them."""
        _m1, first = self._issued()
        _m2, second = self._issued(name="Dân vận khéo trong xây nhà văn hóa")
        numbers = [first.sequence_number, second.sequence_number]
        names = [first.name, second.name]
        self._forget_numbers(first | second)
        _migrate(self.env.cr)
        self.env.invalidate_all()
        self.assertEqual([first.sequence_number, second.sequence_number], numbers)
        self.assertEqual([first.name, second.name], names)
        _m3, third = self._issued(name="Dân vận khéo trong chuyển đổi số")
        self.assertEqual(third.sequence_number, max(numbers) + 1)

    def test_number_met_twice_stays_on_first(self):
        """Seed of the old numbering per campaign: a number printed twice by
        the same unit in a year stays the number in the year of the first
        decision only; the second keeps its printed name, and the unique
        index holds."""
        _m1, first = self._issued()
        _m2, second = self._issued(name="Dân vận khéo trong xây nhà văn hóa")
        self._forget_numbers(first | second)
        self.env.cr.execute(
            "UPDATE dvk_decision SET name = %s WHERE id = %s",
            [first.name, second.id],
        )
        self.env.invalidate_all()
        _migrate(self.env.cr)
        self.env.invalidate_all()
        self.assertTrue(first.sequence_number)
        self.assertFalse(second.sequence_number)
        self.assertEqual(second.name, first.name)

    def test_recognised_record_proposed_higher_stays_recognised(self):
        """Seed 001 §3: a model recognised at grassroots that the previous
        version put back in the proposed state when proposed at district is
        recognised again, its district proposal kept."""
        model, _decision = self._issued()
        model.with_user(self.user_officer).action_propose(self.level_district)
        self.env.flush_all()
        self.env.cr.execute(
            "UPDATE dvk_model SET state = 'proposed' WHERE id = %s", [model.id]
        )
        self.env.invalidate_all()
        _migrate(self.env.cr)
        self.env.invalidate_all()
        self.assertRecordValues(
            model,
            [
                {
                    "state": "recognized",
                    "proposal_level_id": self.level_district.id,
                    "recognized_level_id": self.level_grassroots.id,
                }
            ],
        )
