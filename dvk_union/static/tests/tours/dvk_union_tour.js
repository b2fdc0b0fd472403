/*
 * The union journey (seed 004 §IV), one tour per person, played in this
 * order by dvk_union/tests/test_tour.py:
 *   1. dvk_union_tour_register: a base union registers a model whose reach is
 *      the whole province and submits it;
 *   2. dvk_union_tour_recognise: the provincial federation's officer
 *      proposes it at province level and records the provincial People's
 *      Committee's decision, with the federation's submission letter and
 *      the provincial board's referral, then prints it.
 * As in dvk_models' tours, steps are found by technical names and the
 * fixture's Vietnamese data, never by a translated label.
 */
import { formatDate } from "@web/core/l10n/dates";
import { registry } from "@web/core/registry";
import {
    checkState,
    clickHeaderButton,
    openDvkApp,
    openMenu,
    planSteps,
    printFromMenu,
    selectByCode,
    selectMany2one,
    selectSelection,
} from "@dvk_models/../tests/tours/dvk_tour_steps";

const { DateTime } = luxon;

// Must match the constants and the fixture of dvk_union/tests/test_tour.py.
const MODEL_NAME = "Dân vận khéo trong chăm lo nhà ở cho công nhân khu công nghiệp";
const CAMPAIGN = "Dân vận khéo Công đoàn tỉnh Khánh Hòa (tour)";
const BASE_UNION = "Công đoàn cơ sở Công ty Cổ phần May Khánh Hòa";
const COMMITTEE = "Ủy ban nhân dân tỉnh Khánh Hòa";
const FEDERATION = "Liên đoàn Lao động tỉnh Khánh Hòa";
const BOARD = "Ban Tuyên giáo và Dân vận Tỉnh ủy Khánh Hòa";
const SUBMISSION_REF = "45/TTr-LĐLĐ";
// The head of the People's Committee signs its decision.
const CHAIR = "Nguyễn Tấn Tuân";
// The first decision of the People's Committee this year, in the state
// format (Decree 30/2020/NĐ-CP).
const DECISION_NUMBER = "01/QĐ-UBND";

/** "ngày 05 tháng 02 năm 2026" (Decree 30/2020/NĐ-CP, as printed). */
function vnDate(date) {
    const day = String(date.day).padStart(2, "0");
    const month = date.month < 3 ? String(date.month).padStart(2, "0") : String(date.month);
    return `ngày ${day} tháng ${month} năm ${date.year}`;
}

registry.category("web_tour.tours").add("dvk_union_tour_register", {
    url: "/odoo",
    steps: () => [
        ...openDvkApp(),
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
        ...selectMany2one("campaign_id", "(tour)", `:contains('${CAMPAIGN}')`),
        ...selectMany2one("department_id", "May Khánh Hòa"),
        // The field by its code (XD HTCT): its name is translated.
        ...selectByCode("field_id", "dvk.field", "XDHTCT"),
        ...planSteps(["objective"]),
        // Its influence goes beyond the base union: the whole province.
        ...selectSelection("dvk.model", "union_reach", "province"),
        {
            content: "The provincial People's Committee recognises a province-wide model",
            trigger: `.o_form_view .o_field_widget[name=union_authority_id]:contains('${COMMITTEE}')`,
        },
        {
            content: "Save the draft",
            trigger: ".o_form_view .o_form_button_save",
            run: "click",
        },
        {
            content: "The draft is saved",
            trigger: ".o_form_view .o_form_saved",
        },
        clickHeaderButton("action_submit", "Submit it for approval"),
        checkState("submitted"),
    ],
});

registry.category("web_tour.tours").add("dvk_union_tour_recognise", {
    url: "/odoo",
    steps: () => [
        ...openDvkApp(),
        ...openMenu("dvk_models.dvk_menu_models", "dvk_models.dvk_menu_model_all"),
        {
            content: "Open the base union's model",
            trigger: `.o_list_view .o_data_row td.o_data_cell[name=name]:contains('${MODEL_NAME}')`,
            run: "click",
        },
        checkState("approved"),
        clickHeaderButton("action_propose_wizard", "Propose it for recognition"),
        {
            content: "The dialog shows the rule of the level of its reach",
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
            content: "Record a new decision",
            trigger: ".o_list_view .o_list_button_add",
            run: "click",
        },
        ...selectMany2one("campaign_id", "(tour)", `:contains('${CAMPAIGN}')`),
        ...selectByCode("level_id", "dvk.level", "province"),
        {
            content: "At province level the issuer is the People's Committee configured on the federation",
            trigger: `.o_form_view .o_field_widget[name=authority_department_id] input:value('${COMMITTEE}')`,
        },
        clickHeaderButton("action_add_proposed", "Add the proposed records"),
        {
            content: "The proposed model is a line of the decision",
            trigger: `.o_field_widget[name=line_ids] .o_data_row:contains('${MODEL_NAME}')`,
        },
        {
            content: "Open the federation's submission",
            trigger: ".o_form_view .o_notebook .nav-link[name=union_submission]",
            run: "click",
        },
        {
            content: "The federation proposes it",
            trigger: `.o_form_view .o_field_widget[name=union_proposer_id] input:value('${FEDERATION}')`,
        },
        {
            content: "The provincial board referred it",
            trigger: `.o_form_view .o_field_widget[name=union_board_id] input:value('${BOARD}')`,
        },
        {
            content: "The number of the federation's submission letter",
            trigger: ".o_form_view .o_field_widget[name=union_submission_ref] input",
            run: `edit ${SUBMISSION_REF}`,
        },
        {
            content: "Its date: today",
            trigger: ".o_form_view .o_field_widget[name=union_submission_date] input",
            async run(helpers) {
                await helpers.edit(formatDate(DateTime.local()));
                await helpers.press("Enter");
            },
        },
        {
            // A date field with a value shows it on a button.
            content: "The date is taken",
            trigger: ".o_form_view .o_field_widget[name=union_submission_date] button[data-field=union_submission_date]",
        },
        clickHeaderButton("action_confirm", "Confirm and number the decision"),
        {
            content: "Confirm the recognition",
            trigger: ".modal .modal-footer .btn-primary",
            run: "click",
        },
        checkState("confirmed"),
        {
            content: "The decision has the People's Committee's number",
            trigger: `.o_form_view .o_field_widget[name=name]:contains('${DECISION_NUMBER}')`,
        },
        ...printFromMenu("dvk_models.dvk_decision_report", {
            expected: [
                COMMITTEE.toUpperCase(),
                `Số: ${DECISION_NUMBER}`,
                `Xét Tờ trình số ${SUBMISSION_REF} ${vnDate(DateTime.local())} của ${FEDERATION} và đề nghị của ${BOARD},`,
                MODEL_NAME,
                CHAIR,
            ],
            unexpected: ["QĐ-LĐLĐ"],
        }),
        ...openMenu("dvk_models.dvk_menu_models", "dvk_models.dvk_menu_model_all"),
        {
            content: "Open the model again",
            trigger: `.o_list_view .o_data_row td.o_data_cell[name=name]:contains('${MODEL_NAME}')`,
            run: "click",
        },
        checkState("recognized"),
    ],
});
