/*
 * The merged province's journey (two-tier chain from 1/7/2025, unit
 * lineage), one tour per person, played in this order by
 * dvk_models/tests/test_tour_merged.py:
 *   1. dvk_merged_tour_renew: the registrant renews last year's model,
 *      recognised in a former commune, for this year: it goes on in the
 *      commune formed by the merger, and she submits it;
 *   2. dvk_merged_tour_propose: once it is recognised there again, the
 *      province's officer proposes it straight to the province (the dialog
 *      offers no district level) and prints Mẫu 3 of the year, which names
 *      the merged commune with its former communes.
 * As in dvk_model_tour.js, steps are found by technical names and the
 * fixture's Vietnamese data, never by a translated label.
 */
import { rpc } from "@web/core/network/rpc";
import { registry } from "@web/core/registry";
import { user } from "@web/core/user";
import {
    checkState,
    clickHeaderButton,
    openDvkApp,
    openMenu,
    planSteps,
    printFromMenu,
} from "@dvk_models/../tests/tours/dvk_tour_steps";

// Must match the constants and the fixture of dvk_models/tests/test_tour_merged.py.
const MODEL_NAME = "Dân vận khéo trong vận động hiến đất mở rộng đường giao thông nông thôn";
const CAMPAIGN = "Dân vận khéo tỉnh Vĩnh Long (tour)";
const MERGED = "Đảng ủy xã Trà Ôn";
const FORMER = ["Đảng ủy xã Thiện Mỹ", "Đảng ủy xã Tân Mỹ"];
const APPROVER = "Nguyễn Văn Trà";
const APPROVAL_ACTIVITY = `.o-mail-Chatter .o-mail-Activity:has(i.fa-check-square-o):has(.o-mail-Activity-user:contains('${APPROVER}'))`;

/** The names the user reads for the levels of these codes. */
async function levelNames(codes) {
    const levels = await rpc("/web/dataset/call_kw/dvk.level/search_read", {
        model: "dvk.level",
        method: "search_read",
        args: [[["code", "in", codes]], ["code", "display_name"]],
        kwargs: { context: user.context },
    });
    return Object.fromEntries(levels.map((level) => [level.code, level.display_name]));
}

registry.category("web_tour.tours").add("dvk_merged_tour_renew", {
    url: "/odoo",
    steps: () => [
        ...openDvkApp(),
        ...openMenu("dvk_models.dvk_menu_models", "dvk_models.dvk_menu_model_all"),
        {
            content: "Open last year's model, recognised in the former commune",
            trigger: `.o_list_view .o_data_row td.o_data_cell[name=name]:contains('${MODEL_NAME}')`,
            run: "click",
        },
        checkState("recognized"),
        clickHeaderButton("action_renew", "Register it again for this year"),
        checkState("draft"),
        {
            content: "This year's registration belongs to this year's campaign",
            trigger: `.o_form_view .o_field_widget[name=campaign_id] input:value('${CAMPAIGN}')`,
        },
        {
            content: "It goes on in the commune formed by the merger",
            trigger: `.o_form_view .o_field_widget[name=department_id] input:value('${MERGED}')`,
        },
        {
            content: "It follows last year's",
            trigger: `.o_form_view .o_field_widget[name=previous_id]:contains('${MODEL_NAME}')`,
        },
        // Last year's timeline is not this year's: the registrant sets it.
        ...planSteps(["dates"], new Date().getFullYear()),
        clickHeaderButton("action_submit", "Submit it for approval"),
        checkState("submitted"),
        {
            content: "The merged commune's head approves it",
            trigger: APPROVAL_ACTIVITY,
        },
    ],
});

registry.category("web_tour.tours").add("dvk_merged_tour_propose", {
    url: "/odoo",
    steps: () => [
        ...openDvkApp(),
        ...openMenu("dvk_models.dvk_menu_models", "dvk_models.dvk_menu_model_all"),
        {
            content: "Open this year's model of the merged commune",
            trigger: `.o_list_view .o_data_row:has(td[name=department_id]:contains('${MERGED}')) td.o_data_cell[name=name]:contains('${MODEL_NAME}')`,
            run: "click",
        },
        checkState("recognized"),
        clickHeaderButton("action_propose_wizard", "Propose it for recognition"),
        {
            content: "The dialog proposes it at province level, just above grassroots",
            trigger: ".modal .o_field_widget[name=level_id] input",
            async run() {
                const names = await levelNames(["province"]);
                if (this.anchor.value !== names.province) {
                    throw new Error(`The dialog proposes "${this.anchor.value}"`);
                }
            },
        },
        {
            content: "Look at the levels the dialog offers",
            trigger: ".modal .o_field_widget[name=level_id] input",
            run: "click",
        },
        {
            content: "The province is offered, the district is not (no district in the chain in force)",
            trigger: ".modal .o_field_widget[name=level_id] .o-autocomplete--dropdown-item:not(:has(.o_loading))",
            async run() {
                const names = await levelNames(["province", "district"]);
                const offered = [
                    ...document.querySelectorAll(
                        ".modal .o_field_widget[name=level_id] .o-autocomplete--dropdown-item"
                    ),
                ].map((item) => item.textContent.trim());
                if (!offered.includes(names.province) || offered.includes(names.district)) {
                    throw new Error(`The dialog offers ${offered.join(", ")}`);
                }
            },
        },
        {
            content: "Close the list of levels",
            trigger: ".modal .o_field_widget[name=level_id] input",
            run: "press Escape",
        },
        {
            content: "The dialog shows the rule of the province level",
            trigger: ".modal .o_field_widget[name=rule] li",
        },
        {
            content: "Propose at province level",
            trigger: ".modal .modal-footer button[name=action_confirm]",
            run: "click",
        },
        {
            content: "The model is proposed at province level and keeps its recognition",
            trigger: ".o_form_view .o_form_statusbar button[name=action_withdraw_proposal]",
        },
        checkState("recognized"),
        {
            content: "Open the dashboard",
            trigger: ".o_menu_sections [data-menu-xmlid='dvk_models.dvk_menu_dashboard']",
            run: "click",
        },
        {
            content: "Open this year's campaign",
            trigger: `.o_kanban_view .o_kanban_record .fs-4:contains('${CAMPAIGN}')`,
            run: "click",
        },
        {
            content: "The campaign opens",
            trigger: `.o_form_view .o_breadcrumb .active:contains('${CAMPAIGN}')`,
        },
        ...printFromMenu("dvk_models.dvk_campaign_report_summary", {
            expected: [
                "Mẫu số 3",
                MODEL_NAME,
                `${MERGED} (trước đây là `,
                ...FORMER,
            ],
            unexpected: ["formerly"],
        }),
    ],
});
