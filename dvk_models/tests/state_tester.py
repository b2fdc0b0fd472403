"""A small workflow on ``dvk.state.mixin`` alone, for its tests.

It is no model of the addon (``_module`` is empty): the test that uses it
adds it to the registry for its own run and takes it out afterwards.
"""

from odoo import api, fields, models
from odoo.tools.translate import LazyTranslate

from odoo.addons.dvk_models.models.dvk_state_mixin import Transition

# The tester's words are not the addon's: a name the term extraction does
# not read keeps them out of the translation template.
verb = LazyTranslate(__name__)


class DvkStateTester(models.AbstractModel):
    """A note is written, sent by its author, then accepted or returned; a
    returned note is sent again."""

    _name = "dvk.state.tester"
    _module = ""
    _inherit = ["dvk.state.mixin"]
    _description = "DVK State Tester"

    _dvk_transitions = {
        "send": Transition(("draft", "returned"), "sent", verb("sent")),
        "accept": Transition(("sent",), "accepted", verb("accepted")),
        "give_back": Transition(("sent",), "returned", verb("returned")),
    }

    name = fields.Char()
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("sent", "Sent"),
            ("accepted", "Accepted"),
            ("returned", "Returned"),
        ],
        default="draft",
    )
    is_author = fields.Boolean()
    dvk_can_send = fields.Boolean(compute="_compute_dvk_can")
    dvk_can_accept = fields.Boolean(compute="_compute_dvk_can")
    dvk_can_give_back = fields.Boolean(compute="_compute_dvk_can")

    @api.depends("state", "is_author")
    def _compute_dvk_can(self):
        self._dvk_set_can("dvk_can_send", "send", "is_author")
        self._dvk_set_can("dvk_can_accept", "accept", "is_author")
        self._dvk_set_can("dvk_can_give_back", "give_back", "is_author")
