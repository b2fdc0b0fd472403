from odoo import api, fields, models


class DvkEligibilityWatch(models.AbstractModel):
    """Flags proposed or recognised exemplars whose eligibility may have
    changed after the fact: a title revoked, a discipline recorded late."""

    _name = "dvk.eligibility.watch"
    _description = "DVK Eligibility Watch"

    @api.model
    def _flag(self, facts, units_above=True):
        """``facts``: list of (employee, unit, year, message), the employee or
        the unit being empty. Schedules one review activity per affected
        exemplar, unless one is already open. With ``units_above``, a fact
        about a person also affects the units above him (discipline, but not
        a personal title, which no unit criterion reads)."""
        if not facts:
            return
        # sudo: the HR change is made by whoever may edit HR records; finding
        # and flagging the affected exemplar files is a system side effect.
        Exemplar = self.env["dvk.exemplar"].sudo()
        activity_type = self.env.ref("dvk_models.mail_activity_type_dvk_eligibility")
        for employee, unit, year, message in facts:
            if employee and not units_above:
                subject = [("employee_id", "=", employee.id)]
            elif employee:
                # A person's record also weighs on the units above him
                # ("no member disciplined in the year").
                path = employee.department_id.parent_path or ""
                ancestors = [int(x) for x in path.split("/") if x]
                subject = [
                    "|",
                    ("employee_id", "=", employee.id),
                    "&",
                    ("subject_type", "=", "collective"),
                    ("department_id", "in", ancestors),
                ]
            else:
                subject = [
                    ("subject_type", "=", "collective"),
                    ("department_id", "=", unit.id),
                ]
            exemplars = Exemplar.search(
                [("year", "=", year), ("state", "in", ("proposed", "recognized"))]
                + subject
            )
            for exemplar in exemplars:
                if exemplar.activity_ids.filtered(
                    lambda a: a.activity_type_id == activity_type
                ):
                    continue
                exemplar.activity_schedule(
                    act_type_xmlid="dvk_models.mail_activity_type_dvk_eligibility",
                    date_deadline=fields.Date.context_today(self),
                    summary=self.env._(
                        "Review the eligibility of %(name)s", name=exemplar.name
                    ),
                    note=message,
                    user_id=exemplar._dvk_responsible_officer().id,
                )
