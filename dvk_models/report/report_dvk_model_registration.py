"""Mẫu số 1 and Mẫu số 2: the registration form of a model."""

from odoo import api, models

from .dvk_report_format import DOTS_NAME, short_date

# States of a registration that its approver has approved: only then does the
# approval block of Mẫu 1 / Mẫu 2 carry a name.
APPROVED_STATES = ("approved", "proposed", "recognized", "removed", "carried_over")


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
                        self._dvk_receiver(unit, model.registration_date),
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
