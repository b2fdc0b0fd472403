from odoo import api, fields, models, tools
from odoo.exceptions import ValidationError


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

    @api.model_create_multi
    def create(self, vals_list):
        receivers = super().create(vals_list)
        self.env.registry.clear_cache()  # _dvk_receivers_by_unit
        return receivers

    def write(self, vals):
        result = super().write(vals)
        self.env.registry.clear_cache()  # _dvk_receivers_by_unit
        return result

    def unlink(self):
        result = super().unlink()
        self.env.registry.clear_cache()  # _dvk_receivers_by_unit
        return result

    @api.model
    @tools.ormcache()
    def _dvk_receivers_by_unit(self):
        """{(unit id, kind): ((id, date_from, date_to), ...)}: read once, kept
        until a receiver changes, so that printing asks nothing more of the
        database for the units without dated receivers."""
        # sudo: the receivers are configuration, the same for every reader
        receivers = self.sudo().search_fetch(
            [], ["department_id", "kind", "date_from", "date_to"]
        )
        found = {}
        for receiver in receivers:
            key = (receiver.department_id.id, receiver.kind)
            found.setdefault(key, []).append(
                (receiver.id, receiver.date_from, receiver.date_to)
            )
        return {key: tuple(versions) for key, versions in found.items()}

    @api.model
    def _dvk_on(self, unit, kind, date=None, inherit=False):
        """The receiver of ``kind`` of ``unit`` in force on ``date`` (today
        when None); with ``inherit``, else of its nearest ancestor that has
        one. Empty when none. Read as superuser: only its names are printed."""
        if not unit:
            return self.browse()
        date = date or fields.Date.context_today(self)
        ids = [unit.id]
        if inherit:
            path = [int(i) for i in (unit.parent_path or "").split("/") if i]
            ids = path[::-1] or ids
        by_unit = self._dvk_receivers_by_unit()
        for unit_id in ids:
            for receiver_id, date_from, date_to in by_unit.get((unit_id, kind), ()):
                if (not date_from or date_from <= date) and (
                    not date_to or date <= date_to
                ):
                    # sudo: which body receives a unit's documents is
                    # configuration that everyone printing its forms reads
                    return self.sudo().browse(receiver_id)
        return self.browse()


class DvkReceiverBody(models.AbstractModel):
    """The dated receivers of a unit, mixed into hr.department."""

    _name = "dvk.receiver.body.mixin"
    _description = "DVK Dated Receivers of a Unit"

    dvk_dated_receiver_ids = fields.One2many(
        "dvk.receiver",
        "department_id",
        string="Dated Receivers",
        # Configuration of DVK documents: people outside DVK reading the
        # units (integrations, exports) do not get it.
        groups="dvk_models.group_dvk_user",
        help="The receivers and addressees of the unit's documents with their "
        "dates: a form prints the one in force on its own date, so an old "
        "form reprints as it was sent.",
    )
