from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.fields import Domain


class DvkReceiver(models.Model):
    """A receiver or addressee of a unit's documents, from one date until
    another, so that a form reprints with the receiver of its own date.

    The bodies changed in 2025: the provincial Ban Dân vận merged into the
    Ban Tuyên giáo và Dân vận, the Đảng ủy Khối were replaced, the district
    People's Committees ended on 30/6/2025 and provinces merged on 1/7/2025.
    A unit's receivers of registrations and proposals (guidance 01-HD/BCĐ
    §4, seed 001 §4), and the addressees the sector addons print, are kept
    here with their dates instead of one value that a change overwrites.
    """

    _name = "dvk.receiver"
    _description = "DVK Dated Receiver"
    _order = "department_id, kind, date_from desc, id desc"

    department_id = fields.Many2one(
        "hr.department",
        context={"hierarchical_naming": False},
        string="Unit",
        required=True,
        index=True,
        ondelete="cascade",
        help="The unit whose documents go to this receiver; for an addressee "
        "of a whole province, its top unit (the units below it inherit it).",
    )
    kind = fields.Selection(
        [("receiver", "Receiver of registrations and proposals")],
        required=True,
        default="receiver",
    )
    receiver_id = fields.Many2one(
        "hr.department",
        context={"hierarchical_naming": False},
        string="Receiving Unit",
        ondelete="restrict",
    )
    name = fields.Char(
        string="Printed Name",
        help="The name printed on the forms; empty: the receiving unit's name.",
    )
    date_from = fields.Date(
        string="From", help="Empty: since always (before the first change)."
    )
    date_to = fields.Date(string="Until", help="Empty: still in force.")

    @api.constrains("kind", "receiver_id", "name", "date_from", "date_to")
    def _check_receiver(self):
        for receiver in self:
            if receiver.kind == "receiver" and not receiver.receiver_id:
                raise ValidationError(
                    self.env._(
                        "Choose the unit that receives the registrations and "
                        "proposals of %(unit)s.",
                        unit=receiver.department_id.display_name,
                    )
                )
            if not receiver.receiver_id and not receiver.name:
                raise ValidationError(
                    self.env._("A receiver needs a receiving unit or a printed name.")
                )
            if (
                receiver.date_from
                and receiver.date_to
                and receiver.date_to < receiver.date_from
            ):
                raise ValidationError(
                    self.env._(
                        "The receiver %(name)s of %(unit)s ends before it begins.",
                        name=receiver._dvk_text(),
                        unit=receiver.department_id.display_name,
                    )
                )
            others = self.search(
                [
                    ("id", "!=", receiver.id),
                    ("department_id", "=", receiver.department_id.id),
                    ("kind", "=", receiver.kind),
                ]
            )
            if others.filtered(receiver._dvk_overlaps):
                raise ValidationError(
                    self.env._(
                        "%(unit)s already has a receiver of this kind for part "
                        "of these dates: end the previous one the day before "
                        "the new one begins.",
                        unit=receiver.department_id.display_name,
                    )
                )

    def _dvk_overlaps(self, other):
        self.ensure_one()
        return (
            not self.date_to or not other.date_from or other.date_from <= self.date_to
        ) and (
            not other.date_to or not self.date_from or self.date_from <= other.date_to
        )

    def _dvk_text(self):
        """The name printed for this receiver ("" when empty)."""
        if not self:
            return ""
        self.ensure_one()
        return self.name or self.receiver_id.name or ""

    @api.model
    def _dvk_on(self, unit, kind, date=None, inherit=False):
        """The receiver of ``kind`` of ``unit`` in force on ``date`` (today
        when None); with ``inherit``, else of its nearest ancestor that has
        one. Empty when none. Read as superuser: only its names are printed."""
        if not unit:
            return self.browse()
        date = date or fields.Date.context_today(self)
        units = unit
        if inherit:
            ids = [int(i) for i in (unit.parent_path or "").split("/") if i]
            units = unit.browse(list(reversed(ids))) or unit
        # sudo: which body receives a unit's documents is configuration that
        # every user printing the unit's forms reads
        found = self.sudo().search(
            Domain("department_id", "in", units.ids)
            & Domain("kind", "=", kind)
            & (Domain("date_from", "=", False) | Domain("date_from", "<=", date))
            & (Domain("date_to", "=", False) | Domain("date_to", ">=", date))
        )
        for candidate in units:
            match = found.filtered(lambda r, c=candidate: r.department_id == c)
            if match:
                return match[0]
        return found.browse()


class DvkReceiverBody(models.AbstractModel):
    """The dated receivers of a unit, mixed into hr.department."""

    _name = "dvk.receiver.body.mixin"
    _description = "DVK Dated Receivers of a Unit"

    dvk_dated_receiver_ids = fields.One2many(
        "dvk.receiver",
        "department_id",
        string="Dated Receivers",
        help="The receivers and addressees of the unit's documents with their "
        "dates: a form prints the one in force on its own date, so an old "
        "form reprints as it was sent.",
    )
