"""The base of the trade-union forms (seed 004): the union's header (the
union above, then the issuing union, beside the national motto), the reach
and level of a model in the union's words, the proposer, the recognising
body and the dossier list. Each form is one small report in a file of its
own (``report_dvk_union_*.py``)."""

from odoo import api, models

from odoo.addons.dvk_models.tools.rules import vn_sort_key

REACH_LABELS = {
    "base": "Trong phạm vi công đoàn cơ sở",
    "district": "Phạm vi cấp huyện, ngành",
    "province": "Phạm vi toàn tỉnh",
}


def missing_names(line):
    """The base unions of a coverage line without a model, in Vietnamese
    order: the coverage report, the registration summary and the export list
    them alike."""
    return ", ".join(sorted(line.missing_ids.mapped("name"), key=vn_sort_key))


class ReportDvkUnionMixin(models.AbstractModel):
    _name = "dvk.union.report.mixin"
    _inherit = ["dvk.report.mixin"]
    _description = "DVK Trade Union Printed Form Helpers"
    # Seed 004's forms: the union's header and authorities.
    _dvk_profiles = ("union",)

    @api.model
    def _dvk_union_header(self, unit, kind, date=None):
        """The union header: the superior body of the unit's data, else the
        union directly above (e.g. LĐLĐ TỈNH NINH THUẬN), over the issuing
        union, the number left blank for the clerk."""
        header = self._dvk_header(unit, self._dvk_number(unit, kind), date)
        above = unit and unit._dvk_union_ancestor(
            ("base", "district", "sector", "province")
        )
        if above and not unit.dvk_superior_name:
            header["upper"] = (above.dvk_header_name or above.name).upper()
        return header

    @api.model
    def _dvk_union_reach_label(self, record):
        """The reach of a model as union documents word it: the level
        between the base unions and the province is named by the campaign's
        chain ("Phạm vi cấp trên trực tiếp cơ sở" since the district
        federations ended), else the guidance's own words."""
        if record.union_reach == "district":
            level = self.env.ref("dvk_models.dvk_level_district")
            if self._dvk_level_step(level, record.campaign_id).document_name:
                return f"Phạm vi {self._dvk_level_phrase(level, record.campaign_id)}"
        return REACH_LABELS.get(record.union_reach, "")

    @api.model
    def _dvk_union_level_label(self, model):
        """ "Cấp tỉnh", "Cấp cơ sở" ...: the level a model is registered to be
        carried out at, in the words of its campaign's chain."""
        phrase = self._dvk_level_phrase(model.union_level_id, model.campaign_id)
        return phrase[:1].upper() + phrase[1:]

    @api.model
    def _dvk_default_titles(self, unit):
        """A union is led by its chairman (Chủ tịch), with vice-chairmen."""
        if unit.dvk_union_kind:
            return "Chủ tịch", "Phó Chủ tịch"
        return super()._dvk_default_titles(unit)

    @api.model
    def _dvk_union_proposer(self, record):
        """Who proposes a record to the unit of its reach: the provincial
        federation for a province-wide one, else the union unit just below
        the recognising one (the base union for district-wide reach)."""
        unit = record.department_id
        if record.union_reach == "province":
            return unit._dvk_union_province() or unit
        if record.union_reach == "district":
            return unit._dvk_union_unit(("base",)) or unit
        return unit

    @api.model
    def _dvk_union_receiver(self, record):
        """The recognising unit; the provincial DVK board for a province-wide
        record, which submits it to the People's Committee."""
        if record.union_reach == "province":
            province = record.department_id._dvk_union_province()
            # sudo: the board is configuration of the federation
            board = province.sudo().dvk_union_board_id
            return board.name or ""
        return record.union_authority_id.name or ""

    @api.model
    def _dvk_union_dossier(self, record):
        """The dossier list: each document, its copies and what was handed in."""
        record._dossier_sync()
        fname = record._dvk_line_field()
        lines = self.env["dvk.dossier.line"].search(
            [(fname, "=", record.id), ("stage", "=", "propose")]
        )
        rows = []
        for line in lines:
            rows.append(
                {
                    "name": line.template_id.with_context(lang=self._dvk_lang()).name,
                    "copies": f"{line.copies:02d} bản",
                    "reference": line.reference or "",
                    "status": (
                        "Không áp dụng"
                        if line.not_required
                        else ("Đã có" if line.provided else "Còn thiếu")
                    ),
                }
            )
        return rows
