from odoo import models


class DvkWorkflowMixin(models.AbstractModel):
    """What models and exemplars share, composed of single-concern mixins:

    - ``dvk.subject.mixin``: the campaign, subject and registrant; stakes
      and officer scope; the record-link contract;
    - ``dvk.recognition.mixin``: levels, ladder, proposal, decisions;
    - ``dvk.scoring.mixin``: criteria set, self-assessment, council;
    - ``dvk.competent.body.mixin``: who may recognise the record at a level;
    - ``dvk.state.mixin``: the transition table, its guard and the single
      write door (RELIABILITY.md A3), on ``dvk.mail.thread.batch`` (chatter
      and activities in batch).

    Each of them inherits ``dvk.state.mixin``, whose hooks they extend with
    ``super()``; a model inherits this composition and declares its
    ``state`` field and ``_dvk_transitions``.
    """

    _name = "dvk.workflow.mixin"
    _inherit = [
        "dvk.subject.mixin",
        "dvk.recognition.mixin",
        "dvk.scoring.mixin",
        "dvk.competent.body.mixin",
        "dvk.state.mixin",
    ]
    _description = "DVK Workflow Mixin"
