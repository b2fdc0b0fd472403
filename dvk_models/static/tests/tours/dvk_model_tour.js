/*
 * The main journey of a "Dân vận khéo" model, one tour per actor, played in
 * this order by dvk_models/tests/test_tour.py:
 *   1. dvk_model_tour_register: a staff member registers a model and submits it;
 *   2. dvk_model_tour_approve: the approver opens it from his approval activity
 *      and approves it;
 *   3. dvk_model_tour_recognise: an officer proposes it, then issues the
 *      recognition decision that names it.
 * Selectors use technical names (menu xml ids, button and field names, state
 * values, codes) and the fixture's own Vietnamese data, never a translated
 * label: the tours pass whatever the language of the interface.
 */
import { registry } from "@web/core/registry";
import {
    checkState,
    clickHeaderButton,
    openDvkApp,
    openMenu,
    planSteps,
    selectMany2one,
} from "@dvk_models/../tests/tours/dvk_tour_steps";

// Must match the constants and the fixture of dvk_models/tests/test_tour.py.
const MODEL_NAME = "Dân vận khéo trong hiến đất làm đường liên thôn";
// Already approved by the same approver: not among his activities any more.
const DONE_MODEL_NAME = "Dân vận khéo trong xây dựng tổ tự quản";
const CAMPAIGN = "Dân vận khéo 2026 (tour)";
// The first decision of the commune (symbol BCĐX) in the year.
const DECISION_NUMBER = "01/QĐ-BCĐX";
const APPROVER = "Nguyễn Văn Duyệt";
// The "DVK approval" activity type is known by its icon, whatever the language.
const APPROVAL_ACTIVITY = `.o-mail-Chatter .o-mail-Activity:has(i.fa-check-square-o):has(.o-mail-Activity-user:contains('${APPROVER}'))`;

function openModelFromList() {
    return {
        content: "Open the model from the list",
        trigger: `.o_list_view .o_data_row td.o_data_cell[name=name]:contains('${MODEL_NAME}')`,
        run: "click",
    };
}

registry.category("web_tour.tours").add("dvk_model_tour_register", {
    url: "/odoo",
    steps: () => [
        ...openDvkApp(),
        {
            content: "The app opens on the dashboard of the campaigns",
            trigger: ".o_kanban_view",
        },
        ...openMenu("dvk_models.dvk_menu_models", "dvk_models.dvk_menu_model_all"),
        {
            content: "Register a new model",
            trigger: ".o_list_view .o_list_button_add",
            run: "click",
        },
        {
            content: "Name the model",
            trigger: ".o_form_view .o_field_widget[name=name] textarea",
            run: `edit ${MODEL_NAME}`,
        },
        ...selectMany2one("campaign_id", "2026 (tour)", `:contains('${CAMPAIGN}')`),
        ...selectMany2one("department_id", "Hòa Lợi"),
        // The field by its code (KT): its name is translated.
        ...selectMany2one("field_id", "KT", ":first"),
        ...planSteps(["area", "objective", "expected_result", "dates"], 2026),
        {
            content: "Save the draft",
            trigger: ".o_form_view .o_form_button_save",
            run: "click",
        },
        {
            content: "The draft is saved",
            trigger: ".o_form_view .o_form_saved",
        },
        checkState("draft"),
        clickHeaderButton("action_submit", "Submit it for approval"),
        checkState("submitted"),
        {
            content: "The approval is now an activity of the approver",
            trigger: APPROVAL_ACTIVITY,
        },
        {
            // Issue 22 item 10: the approver's to-do is his to close.
            content: "The registrant is offered no Mark Done, Edit or Cancel on it",
            trigger: `${APPROVAL_ACTIVITY}:not(:has(.o-mail-Activity-markDone)):not(:has(.o-mail-Activity-edit))`,
        },
    ],
});

registry.category("web_tour.tours").add("dvk_model_tour_approve", {
    url: "/odoo",
    steps: () => [
        {
            content: "Open my activities",
            trigger: ".o_menu_systray button:has(i.fa-clock-o)",
            run: "click",
        },
        {
            // The approval falls due at the registration deadline, in the
            // future: the row itself must still lead to it (issue 14 item 9).
            content: "Open my DVK model activities",
            trigger:
                ".o-mail-ActivityMenu .o-mail-ActivityGroup[data-model_name='dvk.model'] [name=activityTitle]",
            run: "click",
        },
        {
            content: "Only the registration awaiting my approval is listed",
            trigger: `.o_list_view:not(:has(.o_data_row:contains('${DONE_MODEL_NAME}'))) .o_data_row td.o_data_cell[name=name]:contains('${MODEL_NAME}')`,
            run: "click",
        },
        checkState("submitted"),
        {
            content: "The DVK approval activity is mine, to mark done or reschedule",
            trigger: `${APPROVAL_ACTIVITY}:has(.o-mail-Activity-markDone)`,
        },
        clickHeaderButton("action_approve", "Approve the registration"),
        checkState("approved"),
        {
            content: "The approval activity is closed",
            trigger: ".o-mail-Chatter:not(:has(.o-mail-Activity))",
        },
    ],
});

registry.category("web_tour.tours").add("dvk_model_tour_recognise", {
    url: "/odoo",
    steps: () => [
        ...openDvkApp(),
        ...openMenu("dvk_models.dvk_menu_models", "dvk_models.dvk_menu_model_all"),
        openModelFromList(),
        checkState("approved"),
        clickHeaderButton("action_propose_wizard", "Propose it for recognition"),
        {
            // The rule is shown only for a chosen level: the dialog preselects
            // the next level of the model's chain.
            content: "The dialog shows the rule of the preselected level",
            trigger: ".modal .o_field_widget[name=rule] li",
        },
        {
            content: "Propose at that level",
            trigger: ".modal .modal-footer button[name=action_confirm]",
            run: "click",
        },
        checkState("proposed"),
        {
            content: "Open the decisions",
            trigger: ".o_menu_sections [data-menu-xmlid='dvk_models.dvk_menu_decisions']",
            run: "click",
        },
        {
            content: "Prepare a new recognition decision",
            trigger: ".o_list_view .o_list_button_add",
            run: "click",
        },
        ...selectMany2one("campaign_id", "2026 (tour)", `:contains('${CAMPAIGN}')`),
        // The level by its code: its name is translated.
        ...selectMany2one("level_id", "grassroots", ":first"),
        // A grassroots decision is issued by the commune (seed 001 §3).
        ...selectMany2one("authority_department_id", "Hòa Lợi"),
        clickHeaderButton("action_add_proposed", "Add the proposed records"),
        {
            content: "The proposed model is a line of the decision",
            trigger: `.o_field_widget[name=line_ids] .o_data_row:contains('${MODEL_NAME}')`,
        },
        clickHeaderButton("action_confirm", "Confirm and number the decision"),
        {
            content: "Confirm the recognition",
            trigger: ".modal .modal-footer .btn-primary",
            run: "click",
        },
        checkState("confirmed"),
        {
            content: "The decision has its number",
            trigger: `.o_form_view .o_field_widget[name=name]:contains('${DECISION_NUMBER}')`,
        },
        ...openMenu("dvk_models.dvk_menu_models", "dvk_models.dvk_menu_model_all"),
        openModelFromList(),
        checkState("recognized"),
        {
            content: "The model carries the green (recognised) ribbon",
            trigger: ".o_form_view .ribbon span.text-bg-success",
        },
        {
            content: "Open the decisions of the model",
            trigger: ".o_form_view .o_notebook .nav-link[name=decisions]",
            run: "click",
        },
        {
            content: "The confirmed decision is listed",
            trigger: `.o_field_widget[name=decision_line_ids] .o_data_row:contains('${DECISION_NUMBER}')`,
        },
    ],
});
