"""Values of the QWeb PDF reports: the printed forms of the "Dân vận khéo"
movement (Mẫu 1, 2 and 3 of guidance 07-HD/ĐUK, the recognition decision, the
submission letter, the score sheet and the achievement report) laid out as
Decree 30/2020/NĐ-CP administrative documents.

The documents are browsed as the current user, never sudo, so that record
rules decide what an officer may print (RELIABILITY A6, (b) 9).
"""

import datetime

from odoo import api, fields, models
from odoo.exceptions import UserError

from ..tools import rules
from ..tools.rules import vn_sort_key

# The forms are Vietnamese legal documents: names of fields, levels and
# criteria are printed in Vietnamese whenever the language is installed.
REPORT_LANG = "vi_VN"

DOTS_DATE = "ngày ..... tháng ..... năm ......"
DOTS_NAME = "............................................"
# States of a registration that its approver has approved: only then does the
# approval block of Mẫu 1 / Mẫu 2 carry a name.
APPROVED_STATES = ("approved", "proposed", "recognized", "removed", "carried_over")
DOTS_PLACE = "................"
BLANK_NUMBER = "\u00a0" * 6


def vn_number(value, digits=2):
    """A score the Vietnamese way: 10.0 -> "10", 7.5 -> "7,5"."""
    text = f"{value or 0.0:.{digits}f}".rstrip("0").rstrip(".")
    return text.replace(".", ",")


def short_date(value):
    return value.strftime("%d/%m/%Y") if value else ""


class DvkReportMixin(models.AbstractModel):
    """What the printed forms share: the Decree 30 header, the signature
    block, Vietnamese dates and the rows of models with their decisions."""

    _name = "dvk.report.mixin"
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
    # Header, recipients and signatures
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
    def _dvk_receiver(self, unit):
        """The unit that receives this unit's registrations and proposals
        (guidance 01-HD/BCĐ §4), else its parent unit."""
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

    @api.model
    def _dvk_job_title(self, employee):
        """An employee's position, from the public profile: users without HR
        rights cannot read the private fields of hr.employee."""
        if not employee:
            return ""
        return self.env["hr.employee.public"].browse(employee.id).job_title or ""

    @api.model
    def _dvk_unit_signature(self, unit, signer=None, position=None, note=None):
        """Signature of a unit, one body per block (Decree 30/2020/NĐ-CP,
        guidance 36-HD/VPTW): "T/M" (Party) or "TM." (state) and the
        collective body the unit signs for, the signer's title in that body
        (the head's, or a deputy's when someone else than the head signs:
        "KT." and the head's title above it for a state body) and the
        signer's name; the head of the unit signs unless ``signer`` is given.
        Titles come from the unit's data, never from the signer's job title
        in another body, which only serves a unit whose head signs alone."""
        head = unit.manager_id
        signer = head if signer is None else signer
        party = bool(unit.dvk_is_party_body)
        committee = bool(unit.dvk_is_steering_committee)
        deputy = bool(signer and head and signer != head)
        acting = False
        head_title = unit.dvk_head_title or self._dvk_default_titles(unit)[0]
        # A deputy of a state body signs "KT." for the head, whatever title
        # the decision gives him.
        if deputy and head_title and not party:
            acting = f"KT. {head_title.upper()}"
        if not position:
            position = self._dvk_signer_title(unit, signer)
        prefix = False
        body = unit.dvk_sign_on_behalf
        if not body and (party or committee):
            body = unit.dvk_header_name or unit.name
        if body:
            prefix = "{} {}".format("T/M" if party else "TM.", body.upper())
        return {
            "prefix": prefix,
            "acting": acting,
            "position": position.upper(),
            "note": note,
            "name": signer.name or "",
        }

    @api.model
    def _dvk_signer_title(self, unit, signer=None):
        """The title printed above the signer's name when the document states
        none, in capitals: :meth:`_dvk_signer_position`, else "Thủ trưởng
        đơn vị". The documents that keep a signer's position show this
        value in it, so the screen and the print say the same."""
        return (self._dvk_signer_position(unit, signer) or "Thủ trưởng đơn vị").upper()

    @api.model
    def _dvk_signer_position(self, unit, signer=None):
        """The title under which ``signer`` (by default the head) signs for
        ``unit``, from the unit's data: its head's title, or its deputies'
        when someone else signs; else the signer's job title; empty when
        nothing says it."""
        head = unit.manager_id
        signer = head if signer is None else signer
        default_head, default_deputy = self._dvk_default_titles(unit)
        if signer and head and signer != head:
            position = unit.dvk_deputy_title or default_deputy
        else:
            position = unit.dvk_head_title or default_head
        return position or self._dvk_job_title(signer)

    @api.model
    def _dvk_default_titles(self, unit):
        """Hook: the titles of the head and of a deputy of ``unit`` when its
        data gives none (empty: the signer's job title)."""
        if unit.dvk_is_party_body:
            return "Bí thư", "Phó Bí thư"
        if unit.dvk_is_steering_committee:
            return "Trưởng ban", "Phó Trưởng ban"
        return "", ""

    @api.model
    def _dvk_person_signature(
        self, position, name, note="(Ký, ghi rõ họ tên)", prefix=False
    ):
        return {
            "prefix": prefix,
            "acting": False,
            "position": position,
            "note": note,
            "name": name,
        }

    # ------------------------------------------------------------------
    # Names
    # ------------------------------------------------------------------
    @api.model
    def _dvk_level_step(self, level, campaign):
        """The step of ``level`` in the chain in force for ``campaign`` (its
        level chain date, else the end of its year); empty without one."""
        if not campaign:
            return self.env["dvk.profile.level"]
        return campaign._dvk_level_step(level)

    @api.model
    def _dvk_level_name(self, level, campaign=None):
        """The level as a form names it ("Cơ sở", "Huyện" ...): the step of
        the campaign's chain names it when the level's own name does not fit
        the bodies of that step (the sector unions since 1/7/2025 are "trên
        trực tiếp cơ sở", not "huyện"), else the level's name."""
        if not level:
            return ""
        if not campaign:
            return level.name or ""
        return campaign._dvk_level_name(level)

    @api.model
    def _dvk_level_phrase(self, level, campaign=None):
        """ "cấp cơ sở", "cấp huyện", "cấp trên trực tiếp cơ sở" ... in the
        words of the campaign's chain (``_dvk_level_name``)."""
        if not level:
            return ""
        name = self._dvk_level_name(level, campaign)
        return f"cấp {name[:1].lower()}{name[1:]}"

    @api.model
    def _dvk_period_end(self, record):
        """The last day of the period a record belongs to: its campaign's end,
        else the end of its year."""
        campaign = record.campaign_id
        if campaign.date_end:
            return campaign.date_end
        return datetime.date(record.year, 12, 31) if record.year else None

    @api.model
    def _dvk_unit_name(self, unit, date=None):
        """A unit as the lists of the reports name it: "C (formerly A, B)"
        for the records of a period ending after C took over A and B (unit
        mergers and splits). Documents printed as issued (a decision and its
        annexed list, context ``dvk_as_issued``) keep the name alone."""
        if not unit:
            return ""
        if self.env.context.get("dvk_as_issued"):
            return unit.name or ""
        return unit._dvk_name_with_formerly(date)

    @api.model
    def _dvk_subject(self, record):
        """The collective, or the person followed by their unit."""
        unit = self._dvk_unit_name(record.department_id, self._dvk_period_end(record))
        if record.subject_type == "individual" and record.employee_id:
            return f"{record.employee_id.name} ({unit})"
        return unit

    # ------------------------------------------------------------------
    # Rows of models
    # ------------------------------------------------------------------
    @api.model
    def _dvk_recognitions(self, models_):
        """{model id: (level, decision)}: the confirmed decision that gave
        each model its highest level (the latest one if several did), in a
        fixed number of queries whatever the number of models.

        The decision that recognised a model is a fact of that model, printed
        the same for every reader of the model, even one who may not open
        the decision itself (another body's)."""
        # sudo: reads only the confirmed lines of the models given (which the
        # caller's reader reads) and their decisions' number, date and issuer.
        Line = self.env["dvk.decision.line"].sudo()
        lines = Line.search_fetch(
            [("model_id", "in", models_.ids), ("decision_state", "=", "confirmed")],
            ["model_id", "decision_id", "level_id"],
        )
        lines.decision_id.fetch(["name", "date", "authority_department_id"])
        # The issuers' names: the units that issued the decisions then (merged
        # or renamed since, archived ones too).
        lines.decision_id.authority_department_id.with_context(active_test=False).fetch(
            ["name"]
        )
        result = {}
        for line in lines:
            key = line.model_id.id
            decision = line.decision_id
            current = result.get(key)
            if (
                current is None
                or (line.level_id._is_above(current[0]))
                or (line.level_id == current[0] and decision.date > current[1].date)
            ):
                result[key] = (line.level_id, decision)
        return result

    @api.model
    def _dvk_model_rows(self, models_):
        """Printable rows of models (Mẫu 3, submission letter, achievement
        report), sorted by field then in Vietnamese order of unit and name."""
        recognitions = self._dvk_recognitions(models_)
        # Names of the related records in one query per related model, not
        # one per row.
        models_.department_id.fetch(["name"])
        models_.campaign_id.fetch(["date_end"])
        # sudo: the names of the units they took over, archived ones too
        lineage = models_.department_id.sudo()
        lineage.fetch(["dvk_predecessor_ids"])
        lineage.dvk_predecessor_ids.fetch(["name", "dvk_lineage_date"])
        models_.employee_id.fetch(["name"])
        models_.field_id.fetch(["name", "sequence"])
        (models_.recognized_level_id | models_.level_id).fetch(["name"])
        names = {}

        def level_names(level, model):
            key = (level.id, model.campaign_id.id)
            if key not in names:
                names[key] = self._dvk_level_name(level, model.campaign_id)
            return names[key]

        rows = []
        for model in models_:
            level, decision = recognitions.get(model.id, (None, None))
            # Numbers restart at 01 for each issuing body: the issuer tells
            # two "01-QĐ/ĐU" apart.
            issuer = decision.authority_department_id.name if decision else ""
            notes = []
            if model.is_supplementary:
                notes.append("Bổ sung")
            if model.replicated_from_id:
                notes.append("Nhân rộng")
            if model.consecutive_years > 1:
                notes.append(f"{model.consecutive_years} năm liên tục")
            level_name = level_names(level or model.recognized_level_id, model)
            rows.append(
                {
                    "record": model,
                    "name": model.name,
                    "subject": self._dvk_subject(model),
                    "subject_type": model.subject_type,
                    "field": model.field_id.name or "",
                    "field_key": (model.field_id.sequence, model.field_id.id),
                    "level": level_name,
                    "decision": (
                        f"Số {decision.name} ngày {short_date(decision.date)}"
                        + (f" của {issuer}" if issuer else "")
                        if decision
                        else ""
                    ),
                    # The same, in parts that the forms print unbroken.
                    "decision_number": decision.name if decision else "",
                    "decision_date": short_date(decision.date) if decision else "",
                    "decision_issuer": issuer or "",
                    "result": model.result_summary or "",
                    "note": "; ".join(notes),
                }
            )
        rows.sort(
            key=lambda r: (
                r["field_key"],
                vn_sort_key(r["subject"]),
                vn_sort_key(r["name"]),
            )
        )
        for index, row in enumerate(rows, start=1):
            row["index"] = index
        return rows

    @api.model
    def _dvk_totals_by_field(self, rows):
        """[(field, collective, individual, total)] in field order, then the
        grand total."""
        by_field = {}
        for row in rows:
            entry = by_field.setdefault(
                row["field_key"], {"field": row["field"], "collective": 0, "total": 0}
            )
            entry["total"] += 1
            if row["subject_type"] != "individual":
                entry["collective"] += 1
        totals = []
        for key in sorted(by_field):
            entry = by_field[key]
            entry["individual"] = entry["total"] - entry["collective"]
            totals.append(entry)
        grand = {
            "collective": sum(t["collective"] for t in totals),
            "individual": sum(t["individual"] for t in totals),
            "total": len(rows),
        }
        return totals, grand


class ReportDvkModelRegistration(models.AbstractModel):
    """Mẫu số 1 (collective) and Mẫu số 2 (individual): registration of a
    model (seed 000 §II.1 step 1)."""

    _name = "report.dvk_models.report_dvk_model_registration"
    _inherit = ["dvk.report.mixin"]
    _description = "DVK Report: Registration Form (Form 1 and 2)"
    _dvk_model = "dvk.model"

    @api.model
    def _dvk_prepare(self, docs, data):
        forms = {}
        for model in docs:
            unit = model.department_id
            individual = model.subject_type == "individual"
            if individual:
                receiver = f"Cấp ủy, lãnh đạo {unit.name}"
                registrant = self._dvk_person_signature(
                    "NGƯỜI ĐĂNG KÝ", model.employee_id.name
                )
            else:
                # The body it was addressed to when it was registered, not
                # the one that took it over since (reprint as issued).
                receiver = (
                    self._dvk_unit_on(
                        self._dvk_receiver(unit),
                        model.registration_date,
                        model.approver_id,
                    ).name
                    or ""
                )
                registrant = self._dvk_unit_signature(
                    unit, note="(Ký, ghi rõ họ tên, đóng dấu)"
                )
            # A registration not (yet) approved, or refused, prints the
            # approval block blank, as the official form the approver fills.
            approved = bool(model.approval_date) and model.state in APPROVED_STATES
            approval = self._dvk_person_signature(
                "XÁC NHẬN, PHÊ DUYỆT CỦA CẤP ỦY (THỦ TRƯỞNG CƠ QUAN, ĐƠN VỊ)",
                (model.approver_id.name or "") if approved else DOTS_NAME,
                note=(
                    f"(Đã phê duyệt ngày {short_date(model.approval_date)})"
                    if approved
                    else "(Ký, ghi rõ họ tên, đóng dấu)"
                ),
            )
            # The model replicated may belong to a unit the user cannot see:
            # its name is printed only when readable.
            origin = model.replicated_from_id
            forms[model.id] = {
                # The unit as the lists name it ("C (formerly A, B)" after a
                # merger): the form and Mẫu 3 of the same year agree.
                "unit_name": self._dvk_unit_name(unit, self._dvk_period_end(model)),
                "replicated_name": origin.name if origin.has_access("read") else "",
                "job_title": self._dvk_job_title(model.employee_id),
                "form_no": "Mẫu số 2" if individual else "Mẫu số 1",
                "used_for": "(Dùng cho cá nhân)"
                if individual
                else "(Dùng cho tập thể)",
                "header": self._dvk_header(
                    unit, date=model.registration_date, approver=model.approver_id
                ),
                "receiver": receiver,
                "timeline": "Từ ngày {} đến ngày {}".format(
                    short_date(model.date_start) or "......",
                    short_date(model.date_end) or "......",
                ),
                "registrant": registrant,
                "approval": approval,
            }
        return {"forms": forms}


class ReportDvkModelSubmission(models.AbstractModel):
    """Tờ trình: one letter proposing the recognition of every selected
    model, addressed to the unit that receives the registrations."""

    _name = "report.dvk_models.report_dvk_model_submission"
    _inherit = ["dvk.report.mixin"]
    _description = "DVK Report: Submission Letter"
    _dvk_model = "dvk.model"

    @api.model
    def _dvk_prepare(self, docs, data):
        unit = self._dvk_common_unit(docs.department_id)
        receiver = self._dvk_receiver(unit)
        rows = self._dvk_model_rows(docs)
        scores = {model.id: model.self_score for model in docs}
        for row in rows:
            model = row["record"]
            row["proposal_level"] = self._dvk_level_name(
                model.proposal_level_id or model.level_id, model.campaign_id
            )
            score = scores.get(model.id)
            row["self_score"] = f"{vn_number(score)}%" if score else ""
        years = sorted(set(docs.mapped("year")))
        levels = docs.proposal_level_id or docs.level_id
        _totals, grand = self._dvk_totals_by_field(rows)
        letter = {
            "header": self._dvk_header(
                unit,
                number=self._dvk_number(unit, "TTr"),
                date=self._dvk_proposal_date(docs),
            ),
            "unit_name": unit.name or self.env.company.name,
            "receiver": receiver.name or "",
            "year": ", ".join(str(y) for y in years),
            "level": (
                self._dvk_level_phrase(
                    levels, docs.campaign_id if len(docs.campaign_id) == 1 else None
                )
                if len(levels) == 1
                else ""
            ),
            "rows": rows,
            "grand": grand,
            "signature": self._dvk_unit_signature(unit),
        }
        return {"letter": letter}


class ReportDvkCampaignSummary(models.AbstractModel):
    """Mẫu số 3: the models of a campaign recognised in the units the user
    may see, sent to the upper level, with totals by field. The rows are
    fetched with a fixed number of queries whatever their count."""

    _name = "report.dvk_models.report_dvk_campaign_summary"
    _inherit = ["dvk.report.mixin"]
    _description = "DVK Report: Summary of Recognised Models (Form 3)"
    _dvk_model = "dvk.campaign"

    @api.model
    def _dvk_summary_unit(self, data):
        """The unit that sends the summary: the one asked for in ``data``,
        else the body the user works for and reports for
        (``_dvk_user_unit``), whatever the profile: never the unit of the
        models he happens to see."""
        unit_id = data.get("department_id")
        if unit_id:
            unit = self.env["hr.department"].browse(unit_id)
            unit.check_access("read")
            return unit
        return self._dvk_user_unit()

    @api.model
    def _dvk_summary_domain(self, campaign, unit=None):
        """Recognised models of the campaign, of ``unit`` and below when one
        is asked for; record rules keep only those the user may see."""
        domain = [
            ("campaign_id", "=", campaign.id),
            ("recognized_level_id", "!=", False),
            ("state", "!=", "removed"),
        ]
        if unit:
            domain.append(("department_id", "child_of", unit.id))
        return domain

    @api.model
    def _dvk_prepare(self, docs, data):
        unit = self._dvk_summary_unit(data)
        scope = unit if data.get("department_id") else None
        Model = self.env["dvk.model"]
        summaries = {}
        for campaign in docs:
            models_ = Model.search_fetch(
                self._dvk_summary_domain(campaign, scope),
                [
                    "name",
                    "subject_type",
                    "department_id",
                    "employee_id",
                    "field_id",
                    "level_id",
                    "recognized_level_id",
                    "result_summary",
                    "is_supplementary",
                    "replicated_from_id",
                    "consecutive_years",
                ],
            )
            rows = self._dvk_model_rows(models_)
            totals, grand = self._dvk_totals_by_field(rows)
            # A user of no unit at all (a DVK manager without an employee
            # record) sends the summary of the unit that holds every model
            # listed.
            issuer = unit or self._dvk_common_unit(models_.department_id)
            receiver = self._dvk_receiver(issuer)
            summaries[campaign.id] = {
                "header": self._dvk_header(
                    issuer,
                    number=self._dvk_number(issuer, "BC"),
                    date=self._dvk_today(),
                ),
                "unit_name": issuer.name or DOTS_NAME,
                "receiver": receiver.name or "",
                "rows": rows,
                "totals": totals,
                "grand": grand,
                "signature": self._dvk_unit_signature(issuer),
            }
        return {"summaries": summaries}


class ReportDvkDecision(models.AbstractModel):
    """Quyết định công nhận with its annexed list; a decision whose lines
    carry a form of commendation recognises and commends in one act (seed 004
    §IV.4) and says so in an article of its own."""

    _name = "report.dvk_models.report_dvk_decision"
    _inherit = ["dvk.report.mixin"]
    _description = "DVK Report: Recognition Decision"
    _dvk_model = "dvk.decision"

    # The forms of commendation as the decisions name them.
    AWARD_NAMES = {"giay_khen": "Giấy khen", "bang_khen": "Bằng khen"}
    AWARD_OTHER = "Hình thức khen thưởng khác"

    @api.model
    def _dvk_decision_title(self, decision):
        """The subject printed under QUYẾT ĐỊNH: the one the form shows (the
        decision's default subject, which says so when it also commends), in
        Vietnamese (a text of the code reads its translation from the
        addon's files, installed language or not); a subject the officer
        wrote is printed as written."""
        if decision.own_title:
            return decision.own_title
        return decision._default_title(
            decision.campaign_id.year, decision._dvk_commends(), REPORT_LANG
        )

    @api.model
    def _dvk_legal_bases(self, decision):
        """The legal bases of the decision, one per line, each printed as
        "Căn cứ ...;" (Decree 30/2020/NĐ-CP)."""
        bases = []
        for line in (decision.legal_basis or "").splitlines():
            text = line.strip().rstrip(";,.").strip()
            if not text:
                continue
            if not text.casefold().startswith("căn cứ"):
                text = f"Căn cứ {text}"
            bases.append(f"{text};")
        return bases

    @api.model
    def _dvk_award_name(self, line):
        """The form of commendation of a line as the decision names it: "Giấy
        khen", "Bằng khen", or the other form its details give."""
        if line.award_form == "other":
            return (line.award_note or "").strip() or self.AWARD_OTHER
        return self.AWARD_NAMES.get(line.award_form, "")

    @api.model
    def _dvk_award_cell(self, line):
        """The award column of the annexed list: the form, and its details
        (e.g. the reward) when the form is named apart from them."""
        if not line.award_form:
            return ""
        name = self._dvk_award_name(line)
        note = (line.award_note or "").strip()
        if note and line.award_form != "other":
            return f"{name} ({note})"
        return name

    @api.model
    def _dvk_award_articles(self, decision, unit):
        """The commendation granted with the recognition, one sentence per
        form of commendation, e.g. "Tặng Giấy khen của Công đoàn cơ sở ...
        cho 02 tập thể và 01 cá nhân ..." (numbers of two digits, as the
        decisions write them)."""
        groups = {}
        for line in decision.line_ids.filtered("award_form"):
            name = self._dvk_award_name(line)
            entry = groups.setdefault(name, {"collective": 0, "individual": 0})
            kind = "individual" if line.subject_type == "individual" else "collective"
            entry[kind] += 1
        sentences = []
        grantor = decision._dvk_award_grantor() or unit.name or ""
        for name, counts in groups.items():
            who = []
            if counts["collective"]:
                who.append(f"{counts['collective']:02d} tập thể")
            if counts["individual"]:
                who.append(f"{counts['individual']:02d} cá nhân")
            sentences.append(
                f"Tặng {name} của {grantor} cho {' và '.join(who)} "
                'có mô hình, điển hình "Dân vận khéo" tiêu biểu năm '
                f"{decision.campaign_id.year} (có tên trong danh sách kèm theo)."
            )
        return sentences

    @api.model
    def _dvk_prepare(self, docs, data):
        # The lines name models and exemplars the user must be allowed to see.
        docs.line_ids.model_id.check_access("read")
        docs.line_ids.exemplar_id.check_access("read")
        decisions = {}
        for decision in docs:
            unit = decision.authority_department_id
            numbered = bool(decision.name)
            # A draft shows the number left blank, in the decision's format.
            number = (
                decision.name if numbered else decision._format_number(BLANK_NUMBER)
            )
            models_ = decision.line_ids.model_id
            exemplars = decision.line_ids.exemplar_id
            model_awards = {
                line.model_id.id: self._dvk_award_cell(line)
                for line in decision.line_ids
                if line.model_id
            }
            exemplar_awards = {
                line.exemplar_id.id: self._dvk_award_cell(line)
                for line in decision.line_ids
                if line.exemplar_id
            }
            # A decision prints as issued: the units of its list keep the
            # names they had, without "(formerly ...)".
            model_rows = self.with_context(dvk_as_issued=True)._dvk_model_rows(models_)
            for row in model_rows:
                row["award"] = model_awards.get(row["record"].id, "")
            exemplar_rows = [
                {
                    "index": index,
                    "name": exemplar.name or "",
                    "kind": (
                        "Cá nhân"
                        if exemplar.subject_type == "individual"
                        else "Tập thể"
                    ),
                    "unit": exemplar.department_id.name or "",
                    "award": exemplar_awards.get(exemplar.id, ""),
                }
                for index, exemplar in enumerate(
                    exemplars.sorted(lambda e: vn_sort_key(e.name)), start=1
                )
            ]
            what = []
            if models_:
                what.append(f"{len(models_)} mô hình")
            if exemplars:
                what.append(f"{len(exemplars)} điển hình")
            signature = self._dvk_unit_signature(
                unit, signer=decision.signer_id, position=decision.signer_title
            )
            annex_ref = "Kèm theo Quyết định số {} {} của {}".format(
                number,
                rules.vn_date(decision.date) if numbered else DOTS_DATE,
                unit.name or "",
            )
            stamp = {"draft": "DỰ THẢO", "cancelled": "ĐÃ HỦY"}.get(decision.state)
            award_articles = self._dvk_award_articles(decision, unit)
            receiver = self._dvk_receiver(unit)
            notified = decision._dvk_notified_units() - receiver - unit
            decisions[decision.id] = {
                "stamp": stamp,
                "header": self._dvk_header(
                    unit,
                    number=number,
                    date=decision.date if numbered else None,
                    party=decision._dvk_is_party_format(),
                ),
                "number": number,
                "date": rules.vn_date(decision.date),
                "title": self._dvk_decision_title(decision),
                "legal_bases": self._dvk_legal_bases(decision),
                # A draft of a year no guidance governs says so where its
                # bases would be.
                "missing_bases": (
                    decision.state == "draft" and not self._dvk_legal_bases(decision)
                ),
                "proposals": decision._dvk_proposals_considered(),
                "annex_ref": annex_ref,
                "authority": (unit.name or "").upper(),
                "unit_name": unit.name or "",
                "year": decision.campaign_id.year,
                "level": self._dvk_level_phrase(
                    decision.level_id, decision.campaign_id
                ),
                "what": " và ".join(what) or "mô hình, điển hình",
                "award_articles": award_articles,
                "has_awards": bool(award_articles),
                # Article 2 grants the commendation when there is one.
                "article_keep": 3 if award_articles else 2,
                "article_execute": 4 if award_articles else 3,
                "model_rows": model_rows,
                "exemplar_rows": exemplar_rows,
                "report_to": receiver.name or "",
                "notified": notified.mapped("name"),
                "signature": signature,
            }
        return {"decisions": decisions}


class ReportDvkScoreSheet(models.AbstractModel):
    """Bản tự đánh giá, chấm điểm (self) or phiếu chấm điểm (council)."""

    _name = "report.dvk_models.report_dvk_score_sheet"
    _inherit = ["dvk.report.mixin"]
    _description = "DVK Report: Score Sheet"
    _dvk_model = "dvk.score.sheet"

    @api.model
    def _dvk_council_body(self, sheet):
        """The body whose council scores the record of a council sheet, whose
        paper the sheet is: the unit of the level the record is proposed at
        (else the level it aims at) at or above the record's unit, the one
        whose decisions recognise at that level, or its steering committee
        of that level when it has one (the board that recognises for a state
        agency); else the unit the scorer works for; else the record's
        unit."""
        record = sheet.model_id or sheet.exemplar_id
        level = record.proposal_level_id or record._dvk_default_proposal_level()
        if level:
            for unit in self._dvk_ancestors(record.department_id):
                if unit.dvk_level_id != level:
                    continue
                board = unit.child_ids.filtered(
                    lambda u, level=level: (
                        u.dvk_is_steering_committee and u.dvk_level_id == level
                    )
                )
                return board[:1] or unit
        return self._dvk_user_unit(sheet.evaluator_id) or record.department_id

    @api.model
    def _dvk_prepare(self, docs, data):
        sheets = {}
        for sheet in docs:
            record = sheet.model_id or sheet.exemplar_id
            is_model = bool(sheet.model_id)
            what = "MÔ HÌNH" if is_model else "ĐIỂN HÌNH"
            lines = []
            max_total = 0.0
            for index, line in enumerate(sheet.line_ids, start=1):
                criterion = line.criterion_id
                max_total += criterion.max_score
                lines.append(
                    {
                        "index": index,
                        "code": criterion.code,
                        "name": criterion.name,
                        "mandatory": criterion.mandatory,
                        "max": vn_number(criterion.max_score),
                        "score": vn_number(line.score) if line.scored else "",
                        "note": line.explanation or "",
                    }
                )
            if not sheet.mandatory_ok:
                band = "Không đạt (không đáp ứng tiêu chí bắt buộc)"
            else:
                band = sheet.band_id.name or ""
            done_date = (
                fields.Date.context_today(self, sheet.write_date)
                if sheet.state == "done"
                else None
            )
            evaluator = sheet.evaluator_id.name or ""
            if sheet.kind == "self":
                title = "BẢN TỰ ĐÁNH GIÁ, CHẤM ĐIỂM"
                score_label = "Điểm tự chấm"
                # sudo: the name of the unit's head, not the content of HR
                # records (the same reading as _dvk_self_assessors)
                head = record.department_id.sudo().manager_id
                if record.subject_type == "individual":
                    signer = "NGƯỜI TỰ ĐÁNH GIÁ"
                    left = self._dvk_person_signature(
                        "XÁC NHẬN CỦA CẤP ỦY (THỦ TRƯỞNG CƠ QUAN, ĐƠN VỊ)", ""
                    )
                elif head.user_id and head.user_id == sheet.evaluator_id:
                    signer = "THỦ TRƯỞNG ĐƠN VỊ"
                    left = self._dvk_person_signature(
                        "XÁC NHẬN CỦA CẤP ỦY (THỦ TRƯỞNG CƠ QUAN, ĐƠN VỊ)", ""
                    )
                else:
                    # Filled by the registrant for the unit: they sign as the
                    # one who drew it up, and the head of the unit, who
                    # answers for it, signs beside them; nobody is printed
                    # as the head who is not.
                    signer = "NGƯỜI LẬP"
                    left = self._dvk_person_signature(
                        "THỦ TRƯỞNG ĐƠN VỊ", head.name or ""
                    )
            else:
                title = "PHIẾU CHẤM ĐIỂM"
                score_label = "Điểm chấm"
                signer = "NGƯỜI CHẤM ĐIỂM"
                left = False
            # A self-assessment is the unit's paper; a council sheet the
            # council's, under the body it scores for.
            body = (
                record.department_id
                if sheet.kind == "self"
                else self._dvk_council_body(sheet)
            )
            sheets[sheet.id] = {
                "header": self._dvk_header(body, date=done_date),
                "title": title,
                "subtitle": f'{what} "DÂN VẬN KHÉO" NĂM {record.year}',
                "is_model": is_model,
                "record_name": record.name or "",
                "subject": self._dvk_subject(record),
                "field": sheet.model_id.field_id.name or "",
                "criteria_set": sheet.criteria_set_id.display_name or "",
                "score_label": score_label,
                "lines": lines,
                "max_total": vn_number(max_total),
                "total": vn_number(sheet.total),
                "percent": vn_number(sheet.percent),
                "weighted": any(
                    line.criterion_id.weight != 1.0 for line in sheet.line_ids
                ),
                "band": band,
                "evaluator": evaluator,
                "left_signature": left,
                "signature": self._dvk_person_signature(signer, evaluator),
            }
        return {"sheets": sheets}


class ReportDvkExemplarAchievement(models.AbstractModel):
    """Báo cáo thành tích: outline of the achievement report of an exemplar,
    filled from its file, its recognised models and its emulation titles."""

    _name = "report.dvk_models.report_dvk_exemplar_achievement"
    _inherit = ["dvk.report.mixin"]
    _description = "DVK Report: Achievement Report"
    _dvk_model = "dvk.exemplar"

    @api.model
    def _dvk_prepare(self, docs, data):
        titles = self.env["hr.emulation.title"].search(
            [
                "|",
                ("employee_id", "in", docs.employee_id.ids),
                ("department_id", "in", docs.department_id.ids),
            ],
            order="year desc, id desc",
        )
        reports = {}
        for exemplar in docs:
            individual = exemplar.subject_type == "individual"
            unit = exemplar.department_id
            if individual:
                own_titles = titles.filtered(
                    lambda t, e=exemplar: t.employee_id == e.employee_id
                )
                signature = self._dvk_person_signature(
                    "NGƯỜI BÁO CÁO THÀNH TÍCH", exemplar.employee_id.name or ""
                )
            else:
                own_titles = titles.filtered(
                    lambda t, e=exemplar: (
                        not t.employee_id and t.department_id == e.department_id
                    )
                )
                signature = self._dvk_unit_signature(
                    unit, note="(Ký, ghi rõ họ tên, đóng dấu)"
                )
            upper = self._dvk_receiver(unit)
            reports[exemplar.id] = {
                "header": self._dvk_header(
                    unit, date=self._dvk_proposal_date(exemplar)
                ),
                "individual": individual,
                "name": exemplar.name or "",
                "job_title": self._dvk_job_title(exemplar.employee_id),
                "unit_name": unit.name or "",
                "upper_name": upper.name or "",
                "manager": unit.manager_id.name or "",
                "year": exemplar.year,
                "model_rows": self._dvk_model_rows(exemplar.model_ids),
                "titles": [
                    {
                        "year": title.year,
                        "name": title.type_id.name or "",
                        "decision": " ".join(
                            filter(None, [title.decision_ref, short_date(title.date)])
                        ),
                    }
                    for title in own_titles
                ],
                "upper_signature": self._dvk_person_signature(
                    (upper.name or "Thủ trưởng đơn vị cấp trên").upper(),
                    "",
                    note="(Ký, đóng dấu)",
                    prefix="XÁC NHẬN CỦA CẤP TRÌNH KHEN",
                ),
                "signature": signature,
            }
        return {"reports": reports}
