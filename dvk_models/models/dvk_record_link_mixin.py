from odoo import fields, models

# Exactly one of the two links is set.
ONE_RECORD_CHECK = "CHECK((model_id IS NULL) != (exemplar_id IS NULL))"


class DvkRecordLinkMixin(models.AbstractModel):
    """Something about one model or one exemplar: a decision line, a dossier
    document, a score sheet. Exactly one of ``model_id`` and ``exemplar_id``
    is set, and :meth:`_dvk_record` is the whole contract: the record linked.

    A model using the mixin redefines a link field only for the attributes
    that differ (``ondelete``, ``index``...), and may redefine ``_one_record``
    with :data:`ONE_RECORD_CHECK` to give the refusal its own message; the
    constraint keeps the name ``<table>_one_record``.
    """

    _name = "dvk.record.link.mixin"
    _description = "DVK Record Link"

    model_id = fields.Many2one("dvk.model", ondelete="cascade", index=True)
    exemplar_id = fields.Many2one("dvk.exemplar", ondelete="cascade", index=True)

    _one_record = models.Constraint(ONE_RECORD_CHECK)

    def _dvk_record(self):
        """The model or the exemplar this line is about."""
        self.ensure_one()
        return self.model_id or self.exemplar_id
