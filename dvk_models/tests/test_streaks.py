"""The list of a model's years (issue 22 item 19): the streak of
consecutive recognitions read year by year."""

from odoo.tests import freeze_time, tagged

from .common import DvkCommon


@tagged("post_install", "-at_install")
@freeze_time("2026-02-10")
class TestStreakList(DvkCommon):
    def _chain(self, years):
        """The same model recognised in each of ``years``, each year
        continuing the previous one (written as superuser: the workflow is
        tested elsewhere)."""
        previous = self.env["dvk.model"]
        for year in years:
            campaign = self.campaign if year == 2026 else self._open_campaign(year)
            previous = self.env["dvk.model"].create(
                self._model_vals(
                    campaign_id=campaign.id,
                    state="recognized",
                    previous_id=previous.id,
                )
            )
            previous.flush_recordset()
            previous.recognized_level_id = self.level_grassroots
        return previous

    def test_years_list_shows_each_year(self):
        """Issue 22 item 19: "Years Recognised" opens the model year by year,
        the years before and after the one opened, in a list whose columns
        are the year, its recognised level and the streak up to it; an
        approver who reads only this year's record opens it too."""
        last = self._chain([2024, 2025, 2026])
        middle = last.previous_id
        chain = last | middle | middle.previous_id
        self.assertEqual(last.consecutive_years, 3)
        action = middle.with_user(self.user_officer).action_open_previous_years()
        self.assertEqual(set(action["domain"][0][2]), set(chain.ids))
        view = self.env["ir.ui.view"].browse(action["views"][0][0])
        self.assertEqual(view, self.env.ref("dvk_models.dvk_model_view_list_years"))
        arch = view.arch
        for field in ("year", "recognized_level_id", "consecutive_years", "state"):
            self.assertIn(f'name="{field}"', arch)
        rows = (
            self.env["dvk.model"]
            .with_user(self.user_officer)
            .search_read(action["domain"], ["year", "consecutive_years"])
        )
        self.assertEqual(
            [(r["year"], r["consecutive_years"]) for r in rows],
            [(2026, 3), (2025, 2), (2024, 1)],
        )
        last.approver_id = self.user_approver
        action = last.with_user(self.user_approver).action_open_previous_years()
        self.assertEqual(set(action["domain"][0][2]), set(chain.ids))
