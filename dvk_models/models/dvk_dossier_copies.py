from odoo import api, fields, models


class DvkDossierLine(models.Model):
    """Copy counts of the paper dossier: a template asking for several copies
    (seed 004 §IV.4: achievement report "02 bản") is provided only when the
    file is attached and that many copies have been received."""

    _inherit = "dvk.dossier.line"

    copies_received = fields.Integer(
        help="Paper copies handed in, for a document required in several copies."
    )

    _copies_received_positive = models.Constraint(
        "CHECK(copies_received >= 0)", "The number of copies received is negative."
    )

    @api.depends("copies_received", "template_id.copies")
    def _compute_provided(self):
        result = super()._compute_provided()
        for line in self:
            copies = line.template_id.copies
            if line.provided and copies > 1 and line.copies_received < copies:
                line.provided = False
        return result

    def _dvk_missing_label(self):
        """How a missing document is named: with its copy count when it needs
        more than one copy, and how many were received."""
        self.ensure_one()
        copies = self.template_id.copies
        if copies <= 1:
            return self.name
        if self.copies_received:
            return self.env._(
                "%(name)s (%(copies)s copies required, %(received)s received)",
                name=self.name,
                copies=copies,
                received=self.copies_received,
            )
        return self.env._("%(name)s (%(copies)s copies)", name=self.name, copies=copies)
