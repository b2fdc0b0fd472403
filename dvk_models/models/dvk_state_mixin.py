from typing import NamedTuple

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools.translate import LazyGettext


class Transition(NamedTuple):
    """One line of a transition table: the states an action starts from,
    the state it leads to (None when the action decides it, or keeps the
    state), and the verb of the refusal sentence ("%(name)s cannot be
    <verb> from the state ...")."""

    sources: tuple
    target: str | None
    verb: LazyGettext


class DvkStateMixin(models.AbstractModel):
    """A state that only guarded business methods change, through one
    declared transition table (RELIABILITY.md A3).

    Class attributes read:

    - ``_dvk_transitions``: {action: :class:`Transition`}, every action of
      the model's workflow (state changes, and actions allowed in some
      states only, such as the self-assessment). The guard
      (:meth:`_dvk_check_transition`) and the buttons' predicates
      (:meth:`_dvk_state_allows`) read it, so they cannot drift apart.
    - ``_dvk_always_writable``: fields that may still change past draft.
    - ``_dvk_list_action``: the list shown after deleting from the form.

    Methods a model provides: ``_dvk_instead_of_deleting()`` and
    ``_dvk_ask_officer_in_charge()`` (the sentences of a refused delete).
    Protected fields are extended with ``super()``
    (:meth:`_dvk_protected_fields`); the work done after a transition with
    :meth:`_dvk_after_transition`.
    """

    _name = "dvk.state.mixin"
    _inherit = ["dvk.mail.thread.batch"]
    _description = "DVK Guarded State"

    _dvk_transitions = {}

    refusal_reason = fields.Text(readonly=True, copy=False, tracking=True)

    dvk_can_delete = fields.Boolean(
        compute="_compute_dvk_can_delete",
        help="The current user may delete this record: a draft that the access "
        "rules let him delete (the predicate of the form's Delete button, "
        "the one the server checks).",
    )

    # Fields that may still change once a record is past draft.
    _dvk_always_writable = frozenset()

    # ------------------------------------------------------------------
    # Transition table
    # ------------------------------------------------------------------
    def _dvk_transition(self, action):
        """The line of ``action`` in the transition table."""
        return self._dvk_transitions[action]

    def _dvk_state_allows(self, action):
        """The records of ``self`` whose state lets ``action`` run: the state
        part of the action's predicate, for its button as for its guard."""
        sources = self._dvk_transition(action).sources
        return self.filtered(lambda record: record.state in sources)

    def _dvk_check_transition(self, action):
        """The guard of ``action``'s state: refuse it on a record whose state
        the table does not start it from."""
        transition = self._dvk_transition(action)
        for record in self - self._dvk_state_allows(action):
            raise UserError(
                self.env._(
                    '%(name)s cannot be %(action)s from the state "%(state)s".',
                    name=record.display_name,
                    action=self.env._(transition.verb),
                    state=dict(
                        record._fields["state"]._description_selection(self.env)
                    ).get(record.state, record.state),
                )
            )

    def _dvk_set_can(self, fname, action, allowed):
        """Set ``fname``, the predicate of ``action``'s button, on ``self``:
        the state the transition table starts the action from, and
        ``allowed``, the boolean field saying that the current user is the
        one who acts (the rule the action's guard checks)."""
        in_state = self._dvk_state_allows(action)
        for record in self:
            record[fname] = record in in_state and bool(record[allowed])

    def _dvk_protected_fields(self):
        """Fields only the guarded workflow methods may write; each mixin and
        model adds its own with ``super()``."""
        return {"state", "refusal_reason"}

    def _dvk_locked_states(self):
        """States in which the record can no longer be edited at all."""
        return ("recognized",)

    def _dvk_editable_states(self):
        return ("draft", "refused")

    def _dvk_check_write(self, vals):
        if self.env.su:
            return
        protected = self._dvk_protected_fields() & set(vals)
        if protected:
            raise UserError(
                self.env._(
                    "%(fields)s can only be changed by the workflow buttons.",
                    fields=", ".join(
                        self._fields[f].get_description(self.env)["string"]
                        for f in sorted(protected)
                    ),
                )
            )
        touched = {f for f in vals if not f.startswith(("message_", "activity_"))}
        if not touched:
            return
        # The always-writable fields follow a record past draft, but not once
        # it is locked (recognised): corrections go through a new decision.
        free = touched - self._dvk_always_writable
        for record in self:
            if record.state in record._dvk_locked_states():
                raise UserError(
                    self.env._(
                        "%(name)s is recognised and can no longer be changed; "
                        "corrections go through a new decision.",
                        name=record.display_name,
                    )
                )
            if free and record.state not in record._dvk_editable_states():
                record._dvk_check_write_past_draft(free)

    def _dvk_check_write_past_draft(self, names):
        """Hook: refuse a write of the fields ``names`` (outside
        ``_dvk_always_writable``) to a record past its editable states. A
        concern that keeps some fields open longer (the model's plan) lets
        them through and calls ``super()`` for the rest."""
        self.ensure_one()
        raise UserError(
            self.env._(
                "%(name)s has been submitted and can no longer be edited "
                "in this state (%(state)s).",
                name=self.display_name,
                state=dict(self._fields["state"]._description_selection(self.env))[
                    self.state
                ],
            )
        )

    def write(self, vals):
        self._dvk_check_write(vals)
        return super().write(vals)

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su:
            protected = self._dvk_protected_fields() - {"state"}
            for vals in vals_list:
                self._dvk_clean_create_vals(vals)
                if vals.get("state", "draft") != "draft" or protected & {
                    k for k, v in vals.items() if v
                }:
                    raise UserError(
                        self.env._(
                            "A new record always starts as a draft; its state "
                            "changes through the workflow buttons."
                        )
                    )
        return super().create(vals_list)

    def _dvk_clean_create_vals(self, vals):
        """Hook: drop from the values of a new record (created by a user,
        not the system) what is not his to give, before the protected
        fields are checked (e.g. a default that names the user himself)."""
        return vals

    @api.ondelete(at_uninstall=False)
    def _unlink_except_not_draft(self):
        for record in self:
            if record.state != "draft":
                raise UserError(
                    self.env._(
                        "%(name)s has left the draft state and cannot be "
                        "deleted: %(way)s",
                        name=record.display_name,
                        way=record._dvk_instead_of_deleting(),
                    )
                )

    # The list shown after deleting from the form (the deleted record's
    # breadcrumbs would lead to "record not found").
    _dvk_list_action = None

    @api.depends("state")
    @api.depends_context("uid")
    def _compute_dvk_can_delete(self):
        """What the server checks on unlink: the access rights and record
        rules for deleting, and the draft state (:meth:`_unlink_except_not_draft`).
        Odoo offers its own Delete from the access rights alone, so the forms
        hide it and show this predicate's button instead."""
        drafts = self.filtered(lambda record: record.state == "draft")
        deletable = drafts._filtered_access("unlink") if drafts else drafts
        for record in self:
            record.dvk_can_delete = record in deletable

    def action_delete_draft(self):
        """Delete drafts, the form's Delete button: shown by ``dvk_can_delete``,
        the predicate checked here before the unlink (which checks it again)."""
        for record in self:
            if not record.dvk_can_delete:
                if record.state != "draft":
                    # The unlink guard's message, with the way instead.
                    record._unlink_except_not_draft()
                raise AccessError(
                    self.env._(
                        "You may not delete %(name)s: %(ask)s",
                        name=record.display_name,
                        ask=record._dvk_ask_officer_in_charge(),
                    )
                )
        self.unlink()
        if not self._dvk_list_action:
            return {"type": "ir.actions.act_window_close"}
        action = self.env["ir.actions.act_window"]._for_xml_id(self._dvk_list_action)
        action["target"] = "main"
        return action

    def _dvk_workflow_write(self, vals, bodies=None, notify=None, grouped=False):
        """Write workflow fields once the calling business method has checked
        the caller's rights and the records' states.

        ``bodies``, ``notify`` and ``grouped`` (as for :meth:`_dvk_log_batch`)
        post the note of the action; when the changes are tracked, the note
        and the tracked values are one chatter message per record, not two."""
        # sudo: state and workflow fields are refused to plain writes
        # (see _dvk_check_write); this is the one door the guarded methods use.
        records = self.sudo()
        context = self.env.context
        if (
            not records
            or not isinstance(records, self.env.registry["mail.thread"])
            or context.get("tracking_disable")
            or context.get("mail_notrack")
        ):
            result = records.write(vals)
            if bodies:
                self._dvk_log_batch(bodies, notify, grouped)
        else:
            result = records._dvk_write_with_batch_tracking(
                vals, bodies, notify, grouped
            )
        if "state" in vals:
            self._dvk_after_transition(vals["state"])
        return result

    def _dvk_after_transition(self, state):
        """Hook: the work a sector does once records reach ``state`` (e.g. the
        police's tracking copies and periodic reports after approval).

        Every path that puts a record in a state calls it, the normal buttons
        as well as carry-over and renewal, so sectors extend this instead of
        overriding the public ``action_*`` methods. ``self`` is in the
        caller's environment.
        """
        return True
