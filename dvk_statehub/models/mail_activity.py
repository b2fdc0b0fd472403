from odoo import api, models


class MailActivity(models.Model):
    _inherit = "mail.activity"

    @api.model
    def _dvk_assignee_only_types(self):
        """The approval of a registration table waits on the steering
        committee's approver as a model's approval waits on its approver."""
        return super()._dvk_assignee_only_types() | (
            self.env.ref(
                "dvk_statehub.mail_activity_type_statehub_table_approval",
                raise_if_not_found=False,
            )
            or self.env["mail.activity.type"]
        )
