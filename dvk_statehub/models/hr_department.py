from odoo import api, fields, models

# Seed 003 Điều 1.2: the state bodies the regulation applies to. An agency
# (sở, ban, ngành; a public service unit of the provincial People's
# Committee; a district or commune People's Committee) has its own steering
# committee for grassroots democracy and DVK; a district body belongs to its
# district's.
STATEHUB_KINDS = [
    ("department", "Provincial Department or Agency"),
    ("public_unit", "Provincial Public Service Unit"),
    ("district", "District People's Committee"),
    ("district_body", "District Body or Public Service Unit"),
    ("commune", "Commune People's Committee"),
]
AGENCY_KINDS = ("department", "public_unit", "district", "commune")
# The level at which each agency's steering committee recognises (Điều 7.2:
# the steering committee of the same level).
KIND_LEVELS = {
    "department": "dvk_models.dvk_level_district",
    "public_unit": "dvk_models.dvk_level_district",
    "district": "dvk_models.dvk_level_district",
    "district_body": "dvk_models.dvk_level_district",
    "commune": "dvk_models.dvk_level_grassroots",
}


class HrDepartment(models.Model):
    _inherit = "hr.department"

    dvk_statehub_kind = fields.Selection(
        STATEHUB_KINDS,
        string="State Agency Kind",
        index=True,
        help="Kind of state body under the Trà Vinh regulation (Decision "
        "976/QĐ-UBND, Article 1.2).",
    )
    dvk_statehub_committee_id = fields.Many2one(
        "hr.department",
        string="Steering Committee (QCDC & DVK)",
        domain="[('dvk_is_steering_committee', '=', True)]",
        help="The agency's steering committee for grassroots democracy and the "
        "Dân vận khéo movement: it approves the registration table and "
        "recognises the agency's models (Articles 6.2, 7.2).",
    )
    dvk_statehub_home_affairs = fields.Boolean(
        string="Department of Home Affairs",
        help="Sở Nội vụ: receives the agencies' reports and the list of models "
        "recognised two or more consecutive years (Articles 7.3, 8, 9).",
    )

    @api.onchange("dvk_statehub_kind")
    def _onchange_dvk_statehub_kind(self):
        # The core level the kind fits onto, as a default the user may change.
        if self.dvk_statehub_kind and not self.dvk_level_id:
            self.dvk_level_id = self.env.ref(KIND_LEVELS[self.dvk_statehub_kind])

    def _dvk_statehub_agency(self):
        """The agency at or above this unit: the nearest unit of an agency
        kind (a district body belongs to its district People's Committee)."""
        self.ensure_one()
        # sudo: the kinds of the units above are configuration, read whoever asks
        for unit in self.sudo()._dvk_approver_chain():
            if unit.dvk_statehub_kind in AGENCY_KINDS:
                return self.browse(unit.id)
        return self.browse()

    def _dvk_statehub_committee(self):
        """The steering committee of the unit's agency (or the unit itself
        when it is a steering committee of an agency)."""
        self.ensure_one()
        # sudo: who approves and recognises is configuration
        for unit in self.sudo()._dvk_approver_chain():
            if unit.dvk_statehub_committee_id:
                return self.browse(unit.dvk_statehub_committee_id.id)
            if unit.dvk_statehub_kind in AGENCY_KINDS:
                break
        return self.browse()

    @api.model
    def _dvk_now_named(self, text, date):
        """``text`` (a citation of a guidance document) with "(nay là tỉnh
        B)" after the first "tỉnh A" it names, when by ``date`` the units of
        province A had been taken over by those of province B (the places of
        signing of a unit and of its successor, in the units' lineage): a
        document of the former Trà Vinh read in the merged Vĩnh Long."""
        if not text or not date:
            return text or ""
        formers = (
            # sudo: the lineage and places of units (archived ones too),
            # configuration read for the wording of a citation
            self.sudo()
            .with_context(active_test=False)
            .search_fetch(
                [
                    ("dvk_successor_ids", "!=", False),
                    ("dvk_signing_place", "!=", False),
                    "|",
                    ("dvk_lineage_date", "=", False),
                    ("dvk_lineage_date", "<=", date),
                ],
                ["dvk_signing_place", "dvk_successor_ids"],
            )
        )
        for former in formers:
            old = f"tỉnh {former.dvk_signing_place}"
            places = {
                place
                for place in former.dvk_successor_ids.mapped("dvk_signing_place")
                if place and place != former.dvk_signing_place
            }
            if len(places) != 1 or old not in text:
                continue
            start = text.index(old) + len(old)
            if text[start:].lstrip().startswith("(nay là"):
                continue
            text = f"{text[:start]} (nay là tỉnh {places.pop()}){text[start:]}"
        return text
