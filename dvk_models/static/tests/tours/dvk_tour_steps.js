/*
 * Steps shared by the DVK tours (dvk_model_tour.js, dvk_journey_tours.js and
 * the sector addons' tours): found by technical names (menu xml ids, field
 * and button names, state values, codes, report xml ids), never by a
 * translated label written in a tour; where the user must pick an entry by
 * what it reads (a print menu entry, a selection value, a field by its code),
 * the label is read in the user's language from the server.
 */
import { formatDate } from "@web/core/l10n/dates";
import { download } from "@web/core/network/download";
import { rpc } from "@web/core/network/rpc";
import { user } from "@web/core/user";
import { downloadReport } from "@web/webclient/actions/reports/utils";
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

/** Choose in the many2one ``fieldName`` the record of ``model`` whose
 * ``code`` is given (fields, levels, profiles: their names are translated),
 * by the name the user reads. */
export function selectByCode(fieldName, model, code) {
    return [
        {
            content: `Search ${code} in ${fieldName}`,
            trigger: `.o_form_view .o_field_widget[name=${fieldName}] input`,
            run: `edit ${code}`,
        },
        {
            content: `Choose ${code} in ${fieldName}`,
            trigger: `.o_field_widget[name=${fieldName}] .o-autocomplete--dropdown-item:not(:has(.o_loading))`,
            async run(helpers) {
                const [record] = await rpc(`/web/dataset/call_kw/${model}/search_read`, {
                    model,
                    method: "search_read",
                    args: [[["code", "=", code]], ["display_name"]],
                    kwargs: { limit: 1, context: user.context },
                });
                const selector = `.o_field_widget[name=${fieldName}] .o-autocomplete--dropdown-item`;
                const item = await waitFor(
                    () =>
                        [...document.querySelectorAll(selector)].find(
                            (el) => el.textContent.trim() === record.display_name
                        ),
                    `"${record.display_name}" (${code}) in ${fieldName}`
                );
                await helpers.click(item);
            },
        },
        {
            content: `${code} is chosen in ${fieldName}`,
            trigger: `.o_form_view .o_field_widget[name=${fieldName}]:not(:has(.o-autocomplete--dropdown-menu))`,
        },
    ];
}

/**
 * Fill a char, text or date field of the form with ``value`` (a date as the
 * user's language writes it: see ``planSteps``).
 */
export function fillField(fieldName, value) {
    const field = `.o_form_view .o_field_widget[name=${fieldName}]`;
    return {
        content: `Fill in ${fieldName}`,
        trigger: `${field} input, ${field} textarea`,
        run: `edit ${value}`,
    };
}

/**
 * What a registration states before it is submitted, for the fields its
 * guidance names (seed 001 §4: scope, objective, timeline, expected result):
 * ``fields`` among area, objective, expected_result and dates (from the
 * first of February to the end of November of ``year``).
 */
export function planSteps(fields, year) {
    const texts = {
        area: "Các ấp trên địa bàn xã",
        objective: "Vận động nhân dân cùng tham gia",
        expected_result: "Hoàn thành trong năm",
    };
    const steps = fields
        .filter((name) => name in texts)
        .map((name) => fillField(name, texts[name]));
    if (fields.includes("dates")) {
        const { DateTime } = luxon;
        steps.push(
            fillField("date_start", formatDate(DateTime.local(year, 2, 1))),
            fillField("date_end", formatDate(DateTime.local(year, 11, 30))),
            {
                content: "Close the date picker",
                trigger: ".o_form_view .o_field_widget[name=name] textarea",
                run: "click",
            }
        );
    }
    return steps;
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

/** Open the records of ``model`` that have an activity of mine, from the
 * activity menu of the systray (the clock). */
export function openMyActivities(model) {
    return [
        {
            content: "Open my activities",
            trigger: ".o_menu_systray button:has(i.fa-clock-o)",
            run: "click",
        },
        {
            content: `Open my activities on ${model}`,
            trigger: `.o-mail-ActivityMenu .o-mail-ActivityGroup[data-model_name='${model}'] [name=activityTitle]`,
            run: "click",
        },
    ];
}

/** The label the user reads for ``value`` of the selection field
 * ``fieldName`` of ``resModel``, in his language. */
export async function selectionLabel(resModel, fieldName, value) {
    const fields = await rpc(`/web/dataset/call_kw/${resModel}/fields_get`, {
        model: resModel,
        method: "fields_get",
        args: [[fieldName]],
        kwargs: { attributes: ["selection"], context: user.context },
    });
    return fields[fieldName].selection.find(([key]) => key === value)[1];
}

/** Choose ``value`` (its technical value) in the selection field
 * ``fieldName`` of the form. */
export function selectSelection(resModel, fieldName, value) {
    return [
        {
            content: `Open the choices of ${fieldName}`,
            trigger: `.o_form_view .o_field_widget[name=${fieldName}] .o_select_menu_toggler`,
            run: "click",
        },
        {
            content: `Choose ${value} in ${fieldName}`,
            trigger: ".o_select_menu_item",
            async run(helpers) {
                const label = await selectionLabel(resModel, fieldName, value);
                const item = [...document.querySelectorAll(".o_select_menu_item")].find(
                    (el) => el.textContent.trim() === label
                );
                if (!item) {
                    throw new Error(`No choice "${label}" (${value}) in ${fieldName}`);
                }
                await helpers.click(item);
            },
        },
    ];
}

/** Give ``fileName`` to the file input found by ``selector`` (the user's
 * choice of a scanned document in the upload dialog). */
export function uploadFile(selector, fileName, content) {
    return {
        content: `Attach ${fileName}`,
        trigger: selector,
        run() {
            const files = new DataTransfer();
            files.items.add(new File([content], fileName, { type: "application/pdf" }));
            this.anchor.files = files.files;
            this.anchor.dispatchEvent(new Event("change", { bubbles: true }));
        },
    };
}

/** What ``find`` returns once it returns something, within ``timeout`` ms
 * (the web client renders after the server answers). */
async function waitFor(find, what, timeout = 10000) {
    const start = Date.now();
    for (;;) {
        const found = find();
        if (found) {
            return found;
        }
        if (Date.now() - start > timeout) {
            throw new Error(`${what} did not appear`);
        }
        await new Promise((resolve) => setTimeout(resolve, 50));
    }
}

/** The words of a printed document, as its reader sees them. */
function documentText(html) {
    const page = new DOMParser().parseFromString(html, "text/html");
    for (const hidden of page.querySelectorAll("script, style")) {
        hidden.remove();
    }
    return page.body.textContent.replace(/\s+/g, " ").trim();
}

/**
 * Print the open record with the report action ``reportXmlid`` from the
 * form's gear (Actions) menu, as a user does, and check what the downloaded
 * document says: the texts of ``expected`` are in it, those of
 * ``unexpected`` are not, its file name starts with ``fileName``.
 *
 * The menu entry is the one named as the report action is in the user's
 * language (loaded by its xml id, as the web client loads actions). The
 * download the click starts is kept for the checks: under test, Odoo's
 * report controller sends the document's HTML, in the language the report
 * prints in, instead of the PDF made of it.
 */
export function printFromMenu(reportXmlid, { expected = [], unexpected = [], fileName } = {}) {
    let label;
    let printed;
    return [
        {
            content: `Find ${reportXmlid} in the print menu`,
            trigger: ".o_form_view .o_control_panel .o_cp_action_menus",
            async run() {
                const action = await rpc("/web/action/load", {
                    action_id: reportXmlid,
                    context: user.context,
                });
                label = action.name;
                // The click downloads the document: keep it for the checks.
                printed = null;
                downloadReport.wkhtmltopdfStatusProm = Promise.resolve("ok");
                const original = download._download;
                download._download = async (options) => {
                    download._download = original;
                    const body = new FormData();
                    for (const [key, value] of Object.entries(options.data)) {
                        body.append(key, value);
                    }
                    body.append("token", "dummy-because-api-expects-one");
                    body.append("csrf_token", odoo.csrf_token);
                    const response = await fetch(options.url, { method: "POST", body });
                    printed = {
                        status: response.status,
                        disposition: response.headers.get("Content-Disposition") || "",
                        text: await response.text(),
                    };
                };
            },
        },
        {
            content: "Open the gear (Actions) menu",
            trigger: ".o_form_view .o_control_panel .o_cp_action_menus button:has(i.fa-cog)",
            run: "click",
        },
        {
            content: `Print ${reportXmlid}`,
            trigger: ".o-dropdown--menu:has(i.fa-print)",
            async run(helpers) {
                const findItem = () =>
                    [...document.querySelectorAll(".o-dropdown--menu .o_menu_item")].find(
                        (el) => el.textContent.trim() === label
                    );
                if (!findItem()) {
                    // Several reports: they are under the Print sub-menu.
                    await helpers.click(
                        document.querySelector(".o-dropdown--menu .dropdown-toggle:has(i.fa-print)")
                    );
                }
                await helpers.click(await waitFor(findItem, `"${label}" in the print menu`));
            },
        },
        {
            content: `Read what ${reportXmlid} printed`,
            trigger: "body",
            async run() {
                await waitFor(() => printed, `The document of ${reportXmlid}`);
                if (printed.status !== 200) {
                    throw new Error(`${label} could not be printed: ${printed.status}`);
                }
                const text = documentText(printed.text);
                for (const piece of expected) {
                    if (!text.includes(piece)) {
                        throw new Error(`${label} does not say "${piece}". It says: ${text}`);
                    }
                }
                for (const piece of unexpected) {
                    if (text.includes(piece)) {
                        throw new Error(`${label} says "${piece}". It says: ${text}`);
                    }
                }
                if (fileName) {
                    const match = printed.disposition.match(/filename\*=UTF-8''([^;]+)/);
                    const name = match ? decodeURIComponent(match[1]) : printed.disposition;
                    if (!name.startsWith(fileName)) {
                        throw new Error(`${label} is downloaded as "${name}"`);
                    }
                }
            },
        },
    ];
}
