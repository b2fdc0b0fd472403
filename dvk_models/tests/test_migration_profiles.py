"""The 19.0.1.3.0 migration on data put back in the previous shape: rows get
the profile of their stored code, the Party bloc rule becomes its profile,
campaigns get deadline lines from the dates they held, and the selection
values of the old profile fields are forgotten."""

import datetime

from odoo.tests import tagged

from .common import DvkCommon, run_migration

D = datetime.date


def _run(name, cr):
    run_migration("dvk_models", "19.0.1.3.0", name, cr, "19.0.1.2.0")


@tagged("post_install", "-at_install")
class TestProfileMigration(DvkCommon):
    def _old_shape(self, campaign):
        """A campaign of the previous version: its code, its three dates, no
        deadline lines, and (here) a profile_id that does not match yet."""
        self.env.flush_all()
        cr = self.env.cr
        bloc = self.env.ref("dvk_models.dvk_profile_party_bloc")
        cr.execute(
            "DELETE FROM dvk_campaign_deadline WHERE campaign_id = %s", [campaign.id]
        )
        cr.execute(
            "UPDATE dvk_campaign SET profile_id = %s WHERE id = %s",
            [bloc.id, campaign.id],
        )
        self.env.invalidate_all()

    def test_rows_get_profile_of_their_code_and_lines_of_their_dates(self):
        """DESIGN §5: after the migration a campaign's profile_id is the
        profile of its stored code and its three dates are deadline lines
        linked to the profile's rules; criteria sets follow their code too."""
        campaign = self.campaign
        dates = (
            campaign.registration_deadline,
            campaign.proposal_deadline,
            campaign.recognition_deadline,
        )
        criteria_set = self.env["dvk.criteria.set"].search(
            [("profile", "=", "party")], limit=1
        )
        self._old_shape(campaign)
        self.env.cr.execute(
            "UPDATE dvk_criteria_set SET profile_id = %s WHERE id = %s",
            [self.env.ref("dvk_models.dvk_profile_party_bloc").id, criteria_set.id],
        )
        self.env.invalidate_all()
        self.assertFalse(campaign.deadline_ids)
        _run("post-migrate", self.env.cr)
        self.env.invalidate_all()
        party = self.env.ref("dvk_models.dvk_profile_party")
        self.assertEqual(campaign.profile_id, party)
        self.assertEqual(criteria_set.profile_id, party)
        lines = campaign.deadline_ids
        self.assertEqual(
            sorted(lines.mapped("kind")), ["proposal", "recognition", "registration"]
        )
        # The proposal rule names the province level (seed 001 §4): the line
        # made from the former contract field, for every level, is linked to
        # it by the migration of 19.0.1.10.0 only.
        scoped = party.deadline_rule_ids.filtered("level_ids")
        self.assertEqual(lines.rule_id, party.deadline_rule_ids - scoped)
        self.assertEqual(
            (
                campaign.registration_deadline,
                campaign.proposal_deadline,
                campaign.recognition_deadline,
            ),
            dates,
        )
        # Running it again changes nothing.
        _run("post-migrate", self.env.cr)
        self.env.invalidate_all()
        self.assertEqual(len(campaign.deadline_ids), 3)

    def test_bloc_rule_becomes_bloc_profile(self):
        """Seed 000: a campaign that followed the Party bloc deadline rule
        belongs to the Party bloc profile after the migration, and so do the
        stored profile codes of its models."""
        model = self._create_model()
        self._old_shape(self.campaign)
        cr = self.env.cr
        cr.execute("ALTER TABLE dvk_campaign ADD COLUMN deadline_rule varchar")
        cr.execute(
            "UPDATE dvk_campaign SET deadline_rule = 'bloc', profile = 'party' "
            "WHERE id = %s",
            [self.campaign.id],
        )
        _run("post-migrate", cr)
        self.env.invalidate_all()
        self.assertEqual(
            self.campaign.profile_id, self.env.ref("dvk_models.dvk_profile_party_bloc")
        )
        self.assertEqual(model.profile, "party_bloc")
        self.assertEqual(len(self.campaign.deadline_ids), 3)

    def test_selection_values_forgotten(self):
        """Odoo's clean-up would apply the ``ondelete`` of the old selection
        values (resetting sector campaigns to the default profile): the
        pre-migration removes them with their external ids."""
        cr = self.env.cr
        field = self.env["ir.model.fields"]._get("dvk.campaign", "profile")
        cr.execute(
            "INSERT INTO ir_model_fields_selection (field_id, value, name, sequence)"
            " VALUES (%s, 'police', '{\"en_US\": \"Police\"}', 10) RETURNING id",
            [field.id],
        )
        selection_id = cr.fetchone()[0]
        cr.execute(
            "INSERT INTO ir_model_data (module, name, model, res_id, noupdate) "
            "VALUES ('dvk_police', 'selection__dvk_campaign__profile__police', "
            "'ir.model.fields.selection', %s, false)",
            [selection_id],
        )
        _run("pre-migrate", cr)
        cr.execute(
            "SELECT count(*) FROM ir_model_fields_selection WHERE id = %s",
            [selection_id],
        )
        self.assertEqual(cr.fetchone()[0], 0)
        cr.execute(
            "SELECT count(*) FROM ir_model_data WHERE model = "
            "'ir.model.fields.selection' AND res_id = %s",
            [selection_id],
        )
        self.assertEqual(cr.fetchone()[0], 0)
