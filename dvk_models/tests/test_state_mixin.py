from odoo.exceptions import UserError
from odoo.orm import model_classes
from odoo.tests import TransactionCase


class TestStateMixin(TransactionCase):
    """The state mixin on a small tester model (``state_tester.py``): the
    transition table is the one source of the guard and of the buttons."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        from .state_tester import DvkStateTester  # noqa: PLC0415

        registry = cls.env.registry
        model_classes.add_to_registry(registry, DvkStateTester)
        registry._setup_models__(cls.cr, [DvkStateTester._name])
        cls.addClassCleanup(cls._remove_tester, DvkStateTester._name)
        cls.Tester = cls.env[DvkStateTester._name].with_context(lang="en_US")

    @classmethod
    def _remove_tester(cls, name):
        registry = cls.env.registry
        for parent in [*registry[name]._inherit, "base"]:
            registry[parent]._inherit_children.discard(name)
        del registry.models[name]
        # The registry is set up again without it (the test case's own clean-up).
        registry.registry_invalidated = True

    def _note(self, state, author=True):
        return self.Tester.new({"name": "Ghi chú", "state": state, "is_author": author})

    def test_table_guard_and_buttons_agree(self):
        """Rule (issue 23): for every action and every state, the guard
        accepts exactly the states the table starts the action from, and the
        button's predicate shows exactly when the guard accepts (for the
        user who acts)."""
        states = [key for key, _label in self.Tester._fields["state"].selection]
        for action, transition in self.Tester._dvk_transitions.items():
            for state in states:
                with self.subTest(action=action, state=state):
                    note = self._note(state)
                    allowed = state in transition.sources
                    self.assertEqual(bool(note._dvk_state_allows(action)), allowed)
                    self.assertEqual(note[f"dvk_can_{action}"], allowed)
                    if allowed:
                        note._dvk_check_transition(action)
                    else:
                        with self.assertRaises(UserError):
                            note._dvk_check_transition(action)

    def test_button_needs_the_user_who_acts(self):
        """Rule: a state the table accepts does not show the button to a user
        who does not act on the record; the guard of the state alone still
        accepts it (who acts is the action's own check)."""
        note = self._note("sent", author=False)
        self.assertFalse(note.dvk_can_accept)
        note._dvk_check_transition("accept")

    def test_refusal_names_the_action_and_the_state(self):
        """Rule: the refusal says which action the state refuses, with the
        table's verb, and the state the record is in."""
        note = self._note("accepted")
        with self.assertRaisesRegex(
            UserError, 'cannot be sent from the state "[Aa]ccepted"'
        ):
            note._dvk_check_transition("send")

    def test_batch_guard_refuses_the_first_record_outside(self):
        """Rule: on several records, one outside the table's states refuses
        the whole action, and the records the state allows are the others."""
        notes = self._note("draft") | self._note("sent") | self._note("returned")
        self.assertEqual(len(notes._dvk_state_allows("send")), 2)
        with self.assertRaises(UserError):
            notes._dvk_check_transition("send")
