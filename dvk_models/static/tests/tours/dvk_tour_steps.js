/*
 * Steps shared by the DVK tours (dvk_model_tour.js, dvk_journey_tours.js):
 * found by technical names (menu xml ids, field and button names, state
 * values), never by a translated label.
 */
import { stepUtils } from "@web_tour/tour_utils";

export function openDvkApp() {
    return [
        stepUtils.showAppsMenuItem(),
        {
            content: "Open the Dân vận khéo app",
            trigger: ".o_app[data-menu-xmlid='dvk_models.dvk_menu_root']",
            run: "click",
        },
    ];
}

export function openMenu(parentXmlid, xmlid) {
    return [
        {
            content: "Open the menu section",
            trigger: `.o_menu_sections [data-menu-xmlid='${parentXmlid}']`,
            run: "click",
        },
        {
            content: "Open the menu item",
            trigger: `.dropdown-item[data-menu-xmlid='${xmlid}']`,
            run: "click",
        },
    ];
}

export function selectMany2one(fieldName, search, itemFilter = `:contains('${search}')`) {
    return [
        {
            content: `Search ${search} in ${fieldName}`,
            trigger: `.o_form_view .o_field_widget[name=${fieldName}] input`,
            run: `edit ${search}`,
        },
        {
            content: `Choose ${search} in ${fieldName}`,
            // Not the "loading" placeholder (an item too) nor "Search More".
            trigger: `.o_field_widget[name=${fieldName}] .o-autocomplete--dropdown-item:not(:has(.o_loading)):not(.o_m2o_dropdown_option)${itemFilter}`,
            run: "click",
        },
    ];
}

export function clickHeaderButton(name, content) {
    return {
        content,
        trigger: `.o_form_view .o_statusbar_buttons button[name=${name}]`,
        run: "click",
    };
}

export function checkState(state) {
    return {
        content: `The record is now in the state ${state}`,
        trigger: `.o_form_view .o_statusbar_status button[data-value=${state}][aria-checked=true]`,
    };
}
