/*
 * The state agencies' journey (seed 003 Điều 6.2, Điều 8), one tour per
 * person, played in this order by dvk_statehub/tests/test_tour.py:
 *   1. dvk_statehub_tour_approve: the head of an agency's steering committee
 *      approves its registration table in one act, from his activity;
 *   2. dvk_statehub_tour_home_affairs: Sở Nội vụ reads the report the agency
 *      sent it, prints it, opens the province-wide report a manager is
 *      preparing, and reads the province-wide figures; the preparing
 *      officers' buttons (Compute, Mark as Sent) are offered to it on none.
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
    printFromMenu,
} from "@dvk_models/../tests/tours/dvk_tour_steps";

// Must match the constants and the fixture of dvk_statehub/tests/test_tour.py.
const MODEL_NAMES = [
    "Công khai tài chính công trên cổng thông tin điện tử",
    "Một cửa thân thiện tại Trung tâm Dịch vụ tài chính công",
];
const AGENCY = "Sở Tài chính";
const HOME_AFFAIRS = "Sở Nội vụ tỉnh Vĩnh Long";
const SIGNER = "Lê Văn Tài";
// The agency's committee's first document of the year (Decree 30/2020/NĐ-CP).
const REPORT_NUMBER = "01/BC-BCĐ";

registry.category("web_tour.tours").add("dvk_statehub_tour_approve", {
    url: "/odoo",
    steps: () => [
        ...openMyActivities("dvk.statehub.registration"),
        {
            content: "Open the agency's registration table",
            trigger: `.o_list_view .o_data_row td.o_data_cell[name=department_id]:contains('${AGENCY}')`,
            run: "click",
        },
        checkState("submitted"),
        ...MODEL_NAMES.map((name) => ({
            content: `${name} is a row of the table`,
            trigger: `.o_field_widget[name=line_ids] .o_data_row:contains('${name}')`,
        })),
        clickHeaderButton("action_approve", "Approve the table in one act"),
        checkState("approved"),
        {
            content: "The table carries the green (approved) ribbon",
            trigger: ".o_form_view .ribbon span.text-bg-success",
        },
        {
            content: "The approval activity is closed",
            trigger: ".o-mail-Chatter:not(:has(.o-mail-Activity))",
        },
    ],
});

registry.category("web_tour.tours").add("dvk_statehub_tour_home_affairs", {
    url: "/odoo",
    steps: () => [
        ...openDvkApp(),
        ...openMenu("dvk_statehub.dvk_statehub_menu_root", "dvk_statehub.dvk_statehub_menu_report"),
        {
            content: "Open the report the agency sent",
            trigger: `.o_list_view .o_data_row td.o_data_cell[name=number]:contains('${REPORT_NUMBER}')`,
            run: "click",
        },
        checkState("sent"),
        {
            content: "It is addressed to Sở Nội vụ",
            trigger: `.o_form_view .o_field_widget[name=addressee_id]:contains('${HOME_AFFAIRS}')`,
        },
        {
            content: "Its figures count the agency's registrations",
            trigger: `.o_field_widget[name=line_ids] .o_data_row:contains('${AGENCY}') td[name=registered_count]:contains('2')`,
        },
        {
            content: "Compute and Mark as Sent are the issuing officer's, not offered here",
            trigger: ".o_form_view .o_form_statusbar:not(:has(button[name=action_compute])):not(:has(button[name=action_send]))",
        },
        ...printFromMenu("dvk_statehub.dvk_statehub_home_affairs_report", {
            expected: [
                "SỞ TÀI CHÍNH TỈNH VĨNH LONG",
                `Số: ${REPORT_NUMBER}`,
                `Kính gửi: ${HOME_AFFAIRS}`,
                AGENCY,
                SIGNER,
            ],
            unexpected: ["DỰ THẢO"],
        }),
        {
            content: "Back to the reports",
            trigger: ".o_breadcrumb .breadcrumb-item a",
            run: "click",
        },
        {
            content: "Open the province-wide report being prepared (not sent yet)",
            trigger: `.o_list_view .o_data_row:not(:has(td[name=number]:contains('${REPORT_NUMBER}'))) td.o_data_cell[name=name]`,
            run: "click",
        },
        checkState("draft"),
        {
            content: "Computed, it is still the officers' to compute again and send, not Sở Nội vụ's",
            trigger: ".o_form_view:has(.o_field_widget[name=line_ids] .o_data_row) .o_form_statusbar:not(:has(button[name=action_compute])):not(:has(button[name=action_send]))",
        },
        ...openMenu(
            "dvk_statehub.dvk_statehub_menu_root",
            "dvk_statehub.dvk_statehub_menu_report_figures"
        ),
        {
            content: "The province-wide figures have the agency's row with its two registrations",
            trigger: `.o_pivot tr:has(th:contains('${AGENCY}')) td:contains('2')`,
        },
    ],
});
