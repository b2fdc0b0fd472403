"""Names and rows of models as the printed lists give them: levels in the
words of the campaign's chain, units with their former names, and the rows
of models with the decisions that recognised them, in Vietnamese order."""

import datetime

from odoo import api, models

from ..tools.rules import vn_sort_key
from .dvk_report_format import short_date


class DvkReportRows(models.AbstractModel):
    """Names and rows of models of the forms; part of ``dvk.report.mixin``,
    which every form inherits. The context key ``dvk_as_issued`` prints the
    units under the names they had (a decision and its annexed list)."""

    _name = "dvk.report.rows"
    _description = "DVK Report: Names and Rows of Models"

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
