/*
 * The other journeys of a DVK year, played by dvk_models/tests/test_tour.py,
 * each on its own fixture:
 *   - dvk_tour_refuse: the approver refuses a registration from his activity,
 *     with the reason the registrant will read;
 *   - dvk_tour_print: the officer prints the confirmed decision and Mẫu 3 of
 *     the campaign;
 *   - dvk_tour_exemplar: the officer checks an exemplar, proposes it and
 *     recognises it by a decision;
 *   - dvk_tour_campaign: the manager configures next year's campaign from a
 *     guidance profile and opens it;
 *   - dvk_tour_council: the officer scores the approved models in the
 *     council's grid, finishes the sheets and proposes those that pass.
 * As in dvk_model_tour.js, steps are found by technical names and the
 * fixture's Vietnamese data, never by a translated label.
 */
import { registry } from "@web/core/registry";
import { rpc } from "@web/core/network/rpc";
import {
    checkState,
    clickHeaderButton,
    openDvkApp,
    openMenu,
    selectMany2one,
} from "@dvk_models/../tests/tours/dvk_tour_steps";

// Must match the constants of dvk_models/tests/test_tour.py.
const REFUSE_MODEL_NAME = "Dân vận khéo trong tuyên truyền qua loa phát thanh";
const REFUSE_REASON = "Nội dung là nhiệm vụ thường xuyên, chưa thể hiện cách làm khéo.";
const PRINT_MODEL_NAME = "Dân vận khéo trong xây dựng tổ tự quản";
const PRINT_DECISION_NUMBER = "01/QĐ-BCĐX";
const EXEMPLAR_PERSON = "Hoàng Thị Dân";
const CAMPAIGN = "Dân vận khéo 2026 (tour)";
const NEW_CAMPAIGN = "Dân vận khéo năm 2027 của Huyện ủy";
const COUNCIL_SCORES = [9, 8, 9, 8, 9, 8, 9, 8, 9, 8];

/**
 * Print a record with a report, as the Print menu does, and check what the
 * printed document says. The report's HTML is what the PDF is made of; the
 * route applies the user's access rights and the report's own checks.
 */
function printAndRead(reportName, resId, expected) {
    return async () => {
        const response = await fetch(`/report/html/${reportName}/${await resId()}`);
        const text = await response.text();
        if (!response.ok) {
            throw new Error(`${reportName} could not be printed: ${response.status}`);
        }
        for (const piece of expected) {
            if (!text.includes(piece)) {
                throw new Error(`${reportName} does not say "${piece}"`);
            }
        }
    };
}

function currentRecordId() {
    const ids = window.location.pathname.match(/\d+/g);
    return Number(ids[ids.length - 1]);
}

async function campaignId(name) {
    const found = await rpc("/web/dataset/call_kw/dvk.campaign/search", {
        model: "dvk.campaign",
        method: "search",
        args: [[["name", "=", name]]],
        kwargs: {},
    });
    return found[0];
}

registry.category("web_tour.tours").add("dvk_tour_refuse", {
    url: "/odoo",
    steps: () => [
        {
            content: "Open my activities",
            trigger: ".o_menu_systray button:has(i.fa-clock-o)",
            run: "click",
        },
        {
            content: "Open my DVK model activities",
            trigger:
                ".o-mail-ActivityMenu .o-mail-ActivityGroup[data-model_name='dvk.model'] [name=activityTitle]",
            run: "click",
        },
        {
            content: "Open the registration to decide on",
            trigger: `.o_list_view .o_data_row td.o_data_cell[name=name]:contains('${REFUSE_MODEL_NAME}')`,
            run: "click",
        },
        checkState("submitted"),
        clickHeaderButton("action_refuse_wizard", "Refuse the registration"),
        {
            content: "Give the reason",
            trigger: ".modal .o_field_widget[name=reason] textarea",
            run: `edit ${REFUSE_REASON}`,
        },
        {
            content: "Confirm the refusal",
            trigger: ".modal .modal-footer button[name=action_confirm]",
            run: "click",
        },
        checkState("refused"),
        {
            content: "The reason is in the history",
            trigger: `.o-mail-Chatter .o-mail-Message:contains('${REFUSE_REASON}')`,
        },
        {
            content: "The approval activity is closed",
            trigger: ".o-mail-Chatter:not(:has(.o-mail-Activity))",
        },
    ],
});

registry.category("web_tour.tours").add("dvk_tour_print", {
    url: "/odoo",
    steps: () => [
        ...openDvkApp(),
        {
            content: "Open the decisions",
            trigger: ".o_menu_sections [data-menu-xmlid='dvk_models.dvk_menu_decisions']",
            run: "click",
        },
        {
            content: "Open the confirmed decision",
            trigger: `.o_list_view .o_data_row td.o_data_cell[name=name]:contains('${PRINT_DECISION_NUMBER}')`,
            run: "click",
        },
        checkState("confirmed"),
        {
            content: "Print the decision: numbered, with its title and its model",
            trigger: `.o_form_view .o_field_widget[name=name]:contains('${PRINT_DECISION_NUMBER}')`,
            run: printAndRead("dvk_models.report_dvk_decision", async () => currentRecordId(), [
                "QUYẾT ĐỊNH",
                "Về việc công nhận",
                "01/QĐ-BCĐX",
                PRINT_MODEL_NAME,
            ]),
        },
        {
            content: "Open the dashboard",
            trigger: ".o_menu_sections [data-menu-xmlid='dvk_models.dvk_menu_dashboard']",
            run: "click",
        },
        {
            content: "Print Mẫu 3 of the campaign: the recognised model is listed",
            trigger: `.o_kanban_view .o_kanban_record:contains('${CAMPAIGN}')`,
            run: printAndRead(
                "dvk_models.report_dvk_campaign_summary",
                () => campaignId(CAMPAIGN),
                ["Mẫu số 3", PRINT_MODEL_NAME]
            ),
        },
    ],
});

registry.category("web_tour.tours").add("dvk_tour_exemplar", {
    url: "/odoo",
    steps: () => [
        ...openDvkApp(),
        ...openMenu("dvk_models.dvk_menu_exemplars_root", "dvk_models.dvk_menu_exemplars"),
        {
            content: "Open the exemplar",
            trigger: `.o_list_view .o_data_row:contains('${EXEMPLAR_PERSON}') td.o_data_cell:first`,
            run: "click",
        },
        checkState("draft"),
        {
            content: "Her HR records pass the criteria",
            trigger: ".o_form_view .o_field_widget[name=eligibility_ok] input:checked",
        },
        clickHeaderButton("action_propose_wizard", "Propose her for recognition"),
        {
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
        ...selectMany2one("level_id", "grassroots", ":first"),
        ...selectMany2one("authority_department_id", "Hòa Lợi"),
        clickHeaderButton("action_add_proposed", "Add the proposed records"),
        {
            content: "The proposed exemplar is a line of the decision",
            trigger: `.o_field_widget[name=line_ids] .o_data_row:contains('${EXEMPLAR_PERSON}')`,
        },
        clickHeaderButton("action_confirm", "Confirm and number the decision"),
        {
            content: "Confirm the recognition",
            trigger: ".modal .modal-footer .btn-primary",
            run: "click",
        },
        checkState("confirmed"),
    ],
});

registry.category("web_tour.tours").add("dvk_tour_campaign", {
    url: "/odoo",
    steps: () => [
        ...openDvkApp(),
        ...openMenu("dvk_models.dvk_menu_config", "dvk_models.dvk_menu_campaigns"),
        {
            content: "Create next year's campaign",
            trigger: ".o_list_view .o_list_button_add",
            run: "click",
        },
        {
            content: "Its year",
            trigger: ".o_form_view .o_field_widget[name=year] input",
            run: "edit 2027",
        },
        // The profile by its code: its name is translated.
        ...selectMany2one("profile_id", "party", ":first"),
        {
            content: "The deadlines of the profile's guidance are filled in",
            trigger: ".o_form_view .o_field_widget[name=deadline_ids] .o_data_row",
        },
        {
            content: "The default name follows the year",
            trigger: ".o_form_view .o_field_widget[name=name] input:value(2027)",
        },
        {
            content: "Give the campaign its own name",
            trigger: ".o_form_view .o_field_widget[name=name] input",
            run: `edit ${NEW_CAMPAIGN}`,
        },
        {
            content: "Save the campaign",
            trigger: ".o_form_view .o_form_button_save",
            run: "click",
        },
        {
            content: "The campaign is saved",
            trigger: ".o_form_view .o_form_saved",
        },
        checkState("draft"),
        clickHeaderButton("action_open", "Open the campaign"),
        checkState("open"),
    ],
});

/** Type a score in one cell of the model's row of the council grid. */
function scoreCell(modelName, index, score) {
    const fname = `score_${String(index + 1).padStart(2, "0")}`;
    const row = `.modal .o_field_widget[name=line_ids] .o_data_row:contains('${modelName}')`;
    return [
        {
            content: `Select the cell ${fname}`,
            trigger: `${row} td.o_data_cell[name=${fname}]`,
            run: "click",
        },
        {
            content: `Score ${score} in ${fname}`,
            trigger: `${row}.o_selected_row td[name=${fname}] input`,
            run: `edit ${score}`,
        },
    ];
}

registry.category("web_tour.tours").add("dvk_tour_council", {
    url: "/odoo",
    steps: () => [
        ...openDvkApp(),
        ...openMenu("dvk_models.dvk_menu_scoring", "dvk_models.dvk_menu_council_scoring"),
        {
            content: "The running campaign is preselected",
            trigger: `.modal .o_field_widget[name=campaign_id] input:value('${CAMPAIGN}')`,
        },
        {
            content: "So are the first level of its chain and its criteria set",
            trigger: ".modal .o_field_widget[name=criteria_set_id] input",
            run() {
                for (const fname of ["level_id", "criteria_set_id"]) {
                    const input = document.querySelector(
                        `.modal .o_field_widget[name=${fname}] input`
                    );
                    if (!input || !input.value) {
                        throw new Error(`The council dialog has no default ${fname}`);
                    }
                }
            },
        },
        {
            content: "Load the records to score",
            trigger: ".modal .modal-footer button[name=action_load]",
            run: "click",
        },
        {
            content: "The approved model is a row of the grid",
            trigger: `.modal .o_field_widget[name=line_ids] .o_data_row:contains('${PRINT_MODEL_NAME}')`,
        },
        ...COUNCIL_SCORES.flatMap((score, index) =>
            scoreCell(PRINT_MODEL_NAME, index, score)
        ),
        {
            content: "Finish every sheet of the grid",
            trigger: ".modal .modal-footer button[name=action_finish]",
            run: "click",
        },
        {
            content: "Confirm: finished sheets are locked",
            trigger: ".modal .modal-footer .btn-primary:not([name])",
            run: "click",
        },
        {
            content: "The sheet is finished: its scores are locked",
            trigger: `.modal .o_data_row:contains('${PRINT_MODEL_NAME}') td[name=score_01].o_readonly_modifier`,
        },
        {
            content: "Propose the models that pass",
            trigger: ".modal .modal-footer button[name=action_propose]",
            run: "click",
        },
        {
            content: "The officer is told what was proposed",
            trigger: `.o_notification:contains('${PRINT_MODEL_NAME}')`,
        },
        {
            content: "The grid is shown again after proposing",
            trigger: ".modal .modal-footer button[name=action_propose]",
        },
    ],
});
