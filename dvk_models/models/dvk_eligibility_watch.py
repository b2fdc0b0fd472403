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
        found = {}  # exemplar id: the message of the fact that flags it
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
                # The first fact found flags the exemplar: one review each.
                found.setdefault(exemplar.id, message)
        # One review open at a time: an exemplar already flagged keeps its own.
        flagged = Exemplar.browse(found)
        busy = set(flagged._dvk_open_activities(activity_type).mapped("res_id"))
        to_flag = flagged.filtered(lambda exemplar: exemplar.id not in busy)
        today = fields.Date.context_today(self) if to_flag else None
        schedule = {
            exemplar.id: {
                "date_deadline": today,
                "summary": self.env._(
                    "Review the eligibility of %(name)s", name=exemplar.name
                ),
                "note": found[exemplar.id],
                "user_id": exemplar._dvk_responsible_officer().id,
            }
            for exemplar in to_flag
        }
        flagged._dvk_reconcile_activities(
            activity_type, schedule, close=False, notify="each"
        )
