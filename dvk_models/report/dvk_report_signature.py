"""The signature blocks of the printed forms (Decree 30/2020/NĐ-CP, guidance
36-HD/VPTW): one body per block, the signer's title from the unit's data."""

from odoo import api, models


class DvkReportSignature(models.AbstractModel):
    """Signature blocks of the forms; part of ``dvk.report.mixin``, which
    every form inherits. Reads nothing of the report but its arguments."""

    _name = "dvk.report.signature"
    _description = "DVK Report: Signature Blocks"

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
