/*
 * The police journey (seed 002 §I step 2) after the district police ended
 * (1/3/2025), one tour per person, played in this order by
 * dvk_police/tests/test_tour.py:
 *   1. dvk_police_tour_register: the head of a commune police registers a
 *      model, prints the request letter (văn bản xin chủ trương), attaches
 *      it and the survey report to the dossier, and submits it;
 *   2. dvk_police_tour_approve: the provincial police leadership approves it
 *      from its approval activity;
 *   3. dvk_police_tour_pv05: PV05's officer opens the tracking copy from his
 *      inbox, reads the model and prints its request letter.
 * As in dvk_models' tours, steps are found by technical names and the
 * fixture's Vietnamese data, never by a translated label.
 */
import { registry } from "@web/core/registry";
import {
    checkState,
    clickHeaderButton,
    openDvkApp,
    openMenu,
    openMyActivities,
    planSteps,
    printFromMenu,
    selectByCode,
    selectMany2one,
    selectionLabel,
    uploadFile,
} from "@dvk_models/../tests/tours/dvk_tour_steps";

// Must match the constants and the fixture of dvk_police/tests/test_tour.py.
const MODEL_NAME = "Dân vận khéo trong xây dựng tổ tự quản an ninh trật tự ấp Giồng Lức";
const CAMPAIGN = "Dân vận khéo Công an tỉnh Vĩnh Long (tour)";
const COMMUNE = "Công an xã An Trường";
const LEADER = "Đại tá Nguyễn Minh Quang";
// Today's addressee: the leadership of the provincial police, since no
// district police approves after 1/3/2025.
const ADDRESSEE = "Kính gửi: Lãnh đạo Công an tỉnh Vĩnh Long";
const DISTRICT_CHIEF = "Trưởng Công an huyện";
const REQUEST_REPORT = "dvk_police.action_report_dvk_police_request";
const REQUEST_FILE = "Văn bản xin chủ trương";
// The "DVK approval" activity type is known by its icon, whatever the language.
const APPROVAL_ACTIVITY = `.o-mail-Chatter .o-mail-Activity:has(i.fa-check-square-o):has(.o-mail-Activity-user:contains('${LEADER}'))`;

function printRequestLetter() {
    return printFromMenu(REQUEST_REPORT, {
        expected: [ADDRESSEE, MODEL_NAME, COMMUNE],
        unexpected: [DISTRICT_CHIEF],
        fileName: REQUEST_FILE,
    });
}

/** The dossier rows of the registration stage still missing (in red). */
async function missingRegistrationRows() {
    const label = await selectionLabel("dvk.dossier.line", "stage", "submit");
    return [...document.querySelectorAll(".o_list_view .o_data_row.text-danger")].filter(
        (row) => row.querySelector("td[name=stage]").textContent.trim() === label
    );
}

/** Attach a scan to the first document of the registration stage still
 * missing. */
function attachToFirstMissing(fileName) {
    return [
        {
            content: `Open the first missing document of the registration for ${fileName}`,
            trigger: ".o_list_view .o_data_row.text-danger td.o_data_cell[name=attachment_ids]",
            async run(helpers) {
                const [row] = await missingRegistrationRows();
                if (!row) {
                    throw new Error("No document of the registration is missing");
                }
                await helpers.click(row.querySelector("td[name=attachment_ids]"));
            },
        },
        uploadFile(
            ".o_data_row.o_selected_row td[name=attachment_ids] input.o_input_file:not(:visible)",
            fileName,
            "%PDF-1.4 scan"
        ),
        {
            content: `${fileName} is attached`,
            trigger: `.o_data_row.o_selected_row td[name=attachment_ids] .o_attachment[title='${fileName}']`,
        },
        {
            content: "Save the row",
            trigger: ".o_list_view .o_list_button_save",
            run: "click",
        },
        {
            content: "The row is saved",
            trigger: ".o_list_view:not(:has(.o_selected_row))",
        },
    ];
}

registry.category("web_tour.tours").add("dvk_police_tour_register", {
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
        ...selectMany2one("department_id", COMMUNE),
        // The field by its code (AN-QP): its name is translated.
        ...selectByCode("field_id", "dvk.field", "ANQP"),
        ...planSteps(["area", "objective"]),
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
        // The request goes to whoever approves today: printed, signed, scanned.
        ...printRequestLetter(),
        {
            content: "Open the dossier of the model",
            trigger: ".o_form_view button.oe_stat_button[name=action_open_dossier]",
            run: "click",
        },
        ...attachToFirstMissing("van-ban-xin-chu-truong.pdf"),
        ...attachToFirstMissing("bao-cao-khao-sat.pdf"),
        {
            content: "Nothing is missing for the registration any more",
            trigger: ".o_list_view .o_data_row",
            async run() {
                if ((await missingRegistrationRows()).length) {
                    throw new Error("A document of the registration is still missing");
                }
            },
        },
        {
            content: "Back to the model",
            trigger: ".o_breadcrumb .breadcrumb-item a:contains('Giồng Lức')",
            run: "click",
        },
        clickHeaderButton("action_submit", "Submit it for approval"),
        checkState("submitted"),
        {
            content: "The approval is an activity of the provincial police leadership",
            trigger: APPROVAL_ACTIVITY,
        },
    ],
});

registry.category("web_tour.tours").add("dvk_police_tour_approve", {
    url: "/odoo",
    steps: () => [
        ...openMyActivities("dvk.model"),
        {
            content: "Open the registration awaiting my approval",
            trigger: `.o_list_view .o_data_row td.o_data_cell[name=name]:contains('${MODEL_NAME}')`,
            run: "click",
        },
        checkState("submitted"),
        {
            content: "The DVK approval activity is mine",
            trigger: APPROVAL_ACTIVITY,
        },
        clickHeaderButton("action_approve", "Approve the registration"),
        checkState("approved"),
        {
            content: "The approval activity is closed",
            trigger: ".o-mail-Chatter:not(:has(.o-mail-Activity))",
        },
    ],
});

registry.category("web_tour.tours").add("dvk_police_tour_pv05", {
    url: "/odoo",
    steps: () => [
        {
            content: "Open my messages",
            trigger: ".o_menu_systray i.fa-comments",
            run: "click",
        },
        {
            content: "The tracking copy of the approved model is in my inbox",
            trigger: `.o-mail-NotificationItem:contains('${MODEL_NAME}')`,
            run: "click",
        },
        {
            content: "The model opens",
            trigger: `.o_form_view .o_breadcrumb .active:contains('${MODEL_NAME}')`,
        },
        checkState("approved"),
        {
            content: "Its history names the copy for PV05",
            trigger: ".o-mail-Chatter .o-mail-Message:contains('PV05'):contains('Phòng Công tác Đảng và công tác chính trị')",
        },
        ...printRequestLetter(),
    ],
});
