"""The base of the QWeb PDF reports: the printed forms of the "Dân vận khéo"
movement (Mẫu 1, 2 and 3 of guidance 07-HD/ĐUK, the recognition decision, the
submission letter, the score sheet and the achievement report, and the
sectors' forms) laid out as Decree 30/2020/NĐ-CP administrative documents.
Each form is one small model in a file of its own (``report_dvk_*.py``)
implementing :meth:`DvkReportMixin._dvk_prepare`; what they share is here:
the documents read as the user and the Decree 30 header (issuing body, body
above, number, place and date). It composes the signature blocks
(``dvk_report_signature.py``) and the names and rows of models
(``dvk_report_rows.py``); numbers and dates are written by
``dvk_report_format.py``.

The documents are browsed as the current user, never sudo, so that record
rules decide what an officer may print (RELIABILITY A6, (b) 9).
"""

from odoo import api, fields, models
from odoo.exceptions import UserError

from ..tools import rules
from .dvk_report_format import (
    BLANK_NUMBER,
    DOTS_DATE,
    DOTS_NAME,
    DOTS_PLACE,
    REPORT_LANG,
    short_date,
    vn_number,
)


class DvkReportMixin(models.AbstractModel):
    """What the printed forms share: the Decree 30 header, the signature
    block, Vietnamese dates and the rows of models with their decisions."""

    _name = "dvk.report.mixin"
    _inherit = ["dvk.report.signature", "dvk.report.rows"]
    _description = "DVK Report: Printed Form Helpers"

    # The model of the records printed.
    _dvk_model = None

    # ------------------------------------------------------------------
    # Documents
    # ------------------------------------------------------------------
    @api.model
    def _dvk_lang(self):
        return self.env["res.lang"]._get_code(REPORT_LANG) or self.env.lang

    @api.model
    def _get_report_values(self, docids, data=None):
        """The records to print, browsed as the current user so that record
        rules apply, and the values of the form prepared in Vietnamese."""
        report = self.with_context(lang=self._dvk_lang())
        docs = report.env[self._dvk_model].browse(docids)
        # A record the user may not read raises AccessError before anything
        # is rendered.
        docs.check_access("read")
        report._dvk_check_profile(docs)
        return {
            "doc_ids": docs.ids,
            "doc_model": self._dvk_model,
            "docs": docs,
            "dvk_vn_date": rules.vn_date,
            "dvk_short_date": short_date,
            "dvk_number": vn_number,
            "dvk_header": report._dvk_header,
            **report._dvk_prepare(docs, data or {}),
        }

    @api.model
    def _dvk_prepare(self, docs, data):
        """Hook: the values of one form for ``docs``."""
        return {}

    # The profiles whose guidance defines this form (a sector's own forms);
    # None: a form of every profile.
    _dvk_profiles = None

    @api.model
    def _dvk_check_profile(self, docs):
        """A sector's form prints only records of its profile: the print
        menu hides it on the others (action domain), and a direct call says
        why instead of addressing the wrong authority."""
        if not self._dvk_profiles or "profile" not in docs._fields:
            return
        Profile = self.env["dvk.profile"]
        # A profile sharing the rules of the form's profile prints it too.
        following = {
            code
            for profile in self._dvk_profiles
            for code in Profile._dvk_codes_following(profile)
        }
        others = docs.filtered(lambda d: d.profile not in following)
        if others:
            labels = {
                profile.code: profile.display_name
                for profile in self.env["dvk.profile"]
                .with_context(active_test=False)
                .search([])
            }
            raise UserError(
                self.env._(
                    "This form belongs to the %(profiles)s guidance; %(names)s "
                    "follow another guidance (%(profile)s).",
                    profiles=", ".join(labels.get(p, p) for p in self._dvk_profiles),
                    names=", ".join(others[:5].mapped("display_name")),
                    profile=labels.get(others[0].profile, others[0].profile),
                )
            )

    @api.model
    def _dvk_today(self):
        return fields.Date.context_today(self)

    @api.model
    def _dvk_proposal_date(self, records):
        """The date of the letter (and of the dossier) proposing ``records``
        for recognition. A letter already sent reprints as issued: the day
        the records were proposed (the latest of them); a letter not yet
        sent, one of whose records is not proposed, is dated today."""
        sent = records.filtered(
            lambda r: (
                r.proposal_date and (r.proposal_level_id or r.state == "recognized")
            )
        )
        if not records or sent != records:
            return self._dvk_today()
        return max(sent.mapped("proposal_date"))

    # ------------------------------------------------------------------
    # Header and recipients
    # ------------------------------------------------------------------
    @api.model
    def _dvk_ancestors(self, unit):
        """The unit and the units above it, nearest first."""
        if not unit or not unit.parent_path:
            return unit
        ids = [int(i) for i in unit.parent_path.split("/") if i]
        return unit.browse(reversed(ids))

    @api.model
    def _dvk_ancestors_on(self, unit, date=None, approver=None):
        """The units above ``unit``, nearest first, as they stood on
        ``date`` for a record decided by ``approver`` (``_dvk_unit_on``),
        and whether any of them differs from today's."""
        ancestors = list(self._dvk_ancestors(unit)[1:])
        if not (date and approver):
            return ancestors, False
        then = [self._dvk_unit_on(ancestor, date, approver) for ancestor in ancestors]
        return then, then != ancestors

    @api.model
    def _dvk_place(self, unit, date=None, approver=None):
        """The place printed before the date (Decree 30/2020/NĐ-CP: the
        locality where the issuing body sits): the unit's own. A unit without
        a DVK level of its own (a village cell, an association, an office of
        an agency) and a steering committee sit with the unit they belong to
        and print its place; the walk stops at the first other unit, which is
        a body of its own: a district never prints its province's place.
        Dots for the clerk when the data has none; the company's city only
        for a document of no unit. With ``date`` and ``approver``, the units
        above are those of that date (reprint as issued)."""
        if not unit:
            return self.env.company.city or DOTS_PLACE
        ancestors, _changed = self._dvk_ancestors_on(unit, date, approver)
        for ancestor in [unit, *ancestors]:
            if ancestor.dvk_signing_place:
                return ancestor.dvk_signing_place
            if ancestor.dvk_level_id and not ancestor.dvk_is_steering_committee:
                break
        return DOTS_PLACE

    @api.model
    def _dvk_superior(self, unit, party, date=None, approver=None):
        """The line above the unit's name in a header: the unit's own data,
        else the nearest unit above of the same kind (a Party body above a
        Party body); a steering committee is nobody's superior body, however
        the tree is drawn. The unit's own data is today's: a document dated
        before the body above it took over the one of that time (``date``,
        ``approver``: ``_dvk_ancestors_on``) names the body of that time."""
        if not unit:
            return ""
        ancestors, changed = self._dvk_ancestors_on(unit, date, approver)
        if unit.dvk_superior_name and not changed:
            return unit.dvk_superior_name
        for ancestor in ancestors:
            if ancestor.dvk_is_steering_committee and not ancestor.dvk_is_party_body:
                continue
            if party and not ancestor.dvk_is_party_body:
                continue
            return ancestor.dvk_header_name or ancestor.name or ""
        return ""

    @api.model
    def _dvk_common_unit(self, units):
        """The lowest unit that contains all ``units``: a commune for its own
        models, the district for the models of several communes."""
        paths = [[int(i) for i in u.parent_path.split("/") if i] for u in units]
        if not paths:
            return units.browse()
        common = None
        for ids in zip(*paths, strict=False):
            if len(set(ids)) != 1:
                break
            common = ids[0]
        return units.browse(common) if common else units.browse()

    @api.model
    def _dvk_user_unit(self, user=None):
        """The unit ``user`` (the current user by default) works for and
        reports for: the lowest unit holding every unit in his charge, else
        the unit of his employee record in the current company (the head of
        PV05 works for PV05), else the unit he heads, else none. Never a
        unit below him, which is what the records he sees would give."""
        user = user or self.env.user
        if user.dvk_department_ids:
            return self._dvk_common_unit(user.dvk_department_ids)
        # The public profile: any internal user may read where a colleague
        # works, not his HR record.
        employee = self.env["hr.employee.public"].search(
            [
                ("user_id", "=", user.id),
                ("company_id", "in", [self.env.company.id, False]),
            ],
            limit=1,
        )
        if not employee or employee.department_id:
            return employee.department_id
        return self._dvk_common_unit(
            self.env["hr.department"].search([("manager_id", "=", employee.id)])
        )

    @api.model
    def _dvk_receiver(self, unit, date=None):
        """The unit that receives this unit's registrations and proposals
        (guidance 01-HD/BCĐ §4) on ``date`` (the document's date; today when
        None): its dated receiver of that day, else its receiver, else its
        parent unit."""
        dated = self.env["dvk.receiver"]._dvk_on(unit, "receiver", date)
        if dated:
            return unit.browse(dated.receiver_id.ids)
        return unit.dvk_receiver_id or unit.parent_id

    @api.model
    def _dvk_unit_on(self, unit, date, approver=None):
        """The body that stood where ``unit`` stands today on ``date``, so
        that a record of that date reprints as issued. A merger moves the
        units, registrations and receivers of the units it ends to their
        successor: when ``unit`` took over other units after ``date``, the
        one of them whose approver is ``approver`` (the approver of the
        record printed, who decided for that body then) stood in its place.
        Otherwise, or when the data cannot tell, ``unit`` itself."""
        if not unit or not date or not approver:
            return unit
        # sudo: the lineage of units (archived ones too), not their records
        lineage = unit.sudo()._dvk_lineage_predecessors()
        former = lineage.filtered(
            lambda u: u.dvk_lineage_date and u.dvk_lineage_date > date
        )
        match = former.filtered(lambda u: u.dvk_approver_id == approver)
        return unit.browse(match[:1].ids) or unit

    @api.model
    def _dvk_header(
        self,
        unit,
        number=None,
        date=None,
        unit_name=None,
        party=None,
        approver=None,
    ):
        """Header of a Decree 30 document (or of a Party document, guidance
        36-HD/VPTW, for a Party body): issuing body and the body above it,
        number and symbol, place and date, all from the issuing unit's data.
        ``party`` forces the format (the profile's document format); by
        default the unit's kind decides. ``approver``: the approver of the
        record the document is about, so that a document of an earlier date
        names the bodies above the unit as they stood that day."""
        if party is None:
            party = bool(unit and unit.dvk_is_party_body)
        # The issuing unit's data, never the company's name: without a unit
        # the name is left for the clerk.
        name = unit_name or unit.dvk_header_name or unit.name or DOTS_NAME
        number_line = False
        if number:
            number_line = f"Số {number}" if party else f"Số: {number}"
        date_text = rules.vn_date(date) if date else DOTS_DATE
        return {
            "party": party,
            "upper": self._dvk_superior(unit, party, date, approver).upper(),
            "unit": name.upper(),
            "number": number_line,
            "place_date": f"{self._dvk_place(unit, date, approver)}, {date_text}",
        }

    @api.model
    def _dvk_number(self, unit, kind):
        """A number left blank for the clerk, with the symbol of the unit,
        e.g. "      /TTr-BCĐ" (Decree 30: number, then type and body); dots
        for the clerk where the unit has no symbol ("      /BC-.....", as an
        unnumbered decision prints), never a bare "/BC"."""
        return unit._dvk_document_number(kind, BLANK_NUMBER, blank_symbol=".....")
