"""Every shipped criterion names its source (issue 24 item 12): the document
and section of the seed it comes from, printed with each eligibility line."""

from odoo.tests import TransactionCase, tagged

ADDONS = ("dvk_models", "dvk_police", "dvk_union", "dvk_statehub")


@tagged("post_install", "-at_install")
class TestCriterionSource(TransactionCase):
    def test_every_shipped_criterion_names_its_source(self):
        """Issue 24 item 12: the shipped criteria of the four addons each name
        their source document and section."""
        data = self.env["ir.model.data"].search(
            [("model", "=", "dvk.criterion"), ("module", "in", ADDONS)]
        )
        criteria = self.env["dvk.criterion"].browse(data.mapped("res_id")).exists()
        self.assertTrue(criteria)
        self.assertFalse(criteria.filtered(lambda c: not c.source))
