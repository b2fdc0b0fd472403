from markupsafe import Markup

from odoo import api, models

APPROVAL_ACTIVITY = "dvk_statehub.mail_activity_type_statehub_table_approval"


class DvkCampaignMergeWizard(models.TransientModel):
    """State agencies: the registration tables (Decision 976/QĐ-UBND,
    Article 6.2) follow the registrations the merged province's campaign
    takes over, so that no table lists a model of another campaign."""

    _inherit = "dvk.campaign.merge.wizard"

    @api.model
    def _links(self, records):
        if records._name == "dvk.statehub.registration":
            return records.department_id, self.env["hr.employee"]
        return super()._links(records)

    def _check_companies(self, records):
        """The unit of a table whose rows are taken over is the unit of the
        table they land in: it must belong to the merged province's company
        (or to none) as the registrations' units must, before anything
        moves."""
        result = super()._check_companies(records)
        if records._name == "dvk.model" and self.campaign_id._dvk_of_profile(
            "statehub"
        ):
            tables = records.statehub_line_ids.registration_id
            if tables:
                super()._check_companies(tables)
        return result

    def _dvk_after_takeover(self, moving, exemplars):
        """The tables follow their rows, as the emulation officer of the
        merged province expects to find them:

        - a table all of whose rows moved, for a unit the merged campaign has
          no table for yet, moves itself (campaign and company): it keeps its
          state, approver, approval date and history, since the steering
          committee's act stays valid for the same unit and rows;
        - otherwise (the merged campaign has a table for the unit already, or
          some rows were decided and stay as issued) the moved rows go to the
          merged campaign's table of the unit, after its own rows, created in
          draft when there is none: the former committee did not approve that
          table, only the rows, which keep their own states;
        - a former table left without rows is kept, in its state, as the
          history of what was registered there, and lists nothing that moved;
          when it was waiting for approval the request is withdrawn (nothing is
          left to approve there).

        Each table touched gets one note saying what moved where. The number
        of queries does not grow with the number of rows."""
        result = super()._dvk_after_takeover(moving, exemplars)
        target = self.campaign_id
        if not target._dvk_of_profile("statehub") or not moving:
            return result
        # sudo: the DVK manager's right was checked by action_apply; tables of
        # the former provinces' companies follow whatever company he works in,
        # and their unit and campaign change after submission by this step only
        Line = self.env["dvk.statehub.registration.line"].sudo()
        moved = Line.search([("model_id", "in", moving.ids)])
        if not moved:
            return result
        tables = moved.registration_id
        # sudo: see above
        Table = self.env["dvk.statehub.registration"].sudo()
        destinations = {
            table.department_id: table
            for table in Table.search(
                [
                    ("campaign_id", "=", target.id),
                    ("department_id", "in", tables.department_id.ids),
                ]
            )
        }
        by_table = moved.grouped("registration_id")
        whole = Table
        for table in tables.sorted("id"):
            unit = table.department_id
            if unit not in destinations and not (table.line_ids - by_table[table]):
                whole |= table
                destinations[unit] = table
        partial = (tables - whole).sorted("id")
        missing = [u for u in partial.department_id if u not in destinations]
        if missing:
            created = Table.with_context(mail_create_nolog=True).create(
                [
                    {
                        "campaign_id": target.id,
                        "department_id": unit.id,
                        "company_id": target.company_id.id,
                    }
                    for unit in missing
                ]
            )
            destinations.update(zip(missing, created, strict=True))
        date_text = self.date.strftime("%d/%m/%Y")
        notes = {}  # table: [paragraph]
        for table in whole:
            notes.setdefault(table, []).append(
                self.env._(
                    "%(campaign)s (%(company)s) was taken over by %(target)s "
                    "(%(target_company)s) on %(date)s: the table moves there with "
                    "its rows (%(count)s), in its state.",
                    campaign=table.campaign_id.display_name,
                    company=table.company_id.name,
                    target=target.display_name,
                    target_company=target.company_id.name,
                    date=date_text,
                    count=len(table.line_ids),
                )
            )
        if whole:
            whole.with_context(mail_notrack=True).write(
                {"campaign_id": target.id, "company_id": target.company_id.id}
            )
        self._statehub_move_rows(partial, by_table, destinations, notes, date_text)
        emptied = partial.filtered(lambda t: not t.line_ids)
        waiting = emptied.filtered(lambda t: t.state == "submitted")
        if waiting:
            waiting._dvk_reconcile_activities(APPROVAL_ACTIVITY, only_automated=True)
            for table in waiting:
                notes[table].append(
                    self.env._(
                        "Nothing is left to approve here: the approval request "
                        "is withdrawn."
                    )
                )
        author = self.env.user.partner_id
        Table.browse([table.id for table in notes])._message_log_batch(
            {
                table.id: Markup("").join(Markup("<p>%s</p>") % p for p in paragraphs)
                for table, paragraphs in notes.items()
            },
            author_id=author.id,
            email_from=author.email_formatted,
        )
        return result

    def _statehub_move_rows(self, partial, by_table, destinations, notes, date_text):
        """Move the rows taken over of the ``partial`` tables to the merged
        campaign's table of their unit, after the rows it has; note it on
        both tables."""
        target = self.campaign_id
        next_sequence = {}
        for table in partial:
            lines = by_table[table]
            destination = destinations[table.department_id]
            names = ", ".join(lines.model_id.mapped("name"))
            notes.setdefault(table, []).append(
                self.env._(
                    "%(campaign)s (%(company)s) was taken over by %(target)s "
                    "(%(target_company)s) on %(date)s: rows under way moved to "
                    "its table of the unit (%(count)s: %(models)s); rows staying "
                    "here: %(left)s.",
                    campaign=table.campaign_id.display_name,
                    company=table.company_id.name,
                    target=target.display_name,
                    target_company=target.company_id.name,
                    date=date_text,
                    count=len(lines),
                    models=names,
                    left=len(table.line_ids - lines),
                )
            )
            notes.setdefault(destination, []).append(
                self.env._(
                    "Took over rows of the table of %(campaign)s (%(company)s) "
                    "on %(date)s (%(count)s): %(models)s.",
                    count=len(lines),
                    campaign=table.campaign_id.display_name,
                    company=table.company_id.name,
                    date=date_text,
                    models=names,
                )
            )
            if destination not in next_sequence:
                next_sequence[destination] = max(
                    destination.line_ids.mapped("sequence"), default=0
                )
            for line in lines:
                next_sequence[destination] += 1
                line.write(
                    {
                        "registration_id": destination.id,
                        "sequence": next_sequence[destination],
                    }
                )
