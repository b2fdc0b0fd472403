"""The pickers of units, people and users on the DVK forms choose among
existing records: nobody creates a department, an employee or a user from a
DVK form by typing a name into a picker ("Tạo ..."), which would add a unit to
the organisation tree or a person to HR behind the HR officers' back."""

import ast

from lxml import etree

from odoo.tests import TransactionCase, tagged

DVK_MODULES = ("dvk_models", "dvk_police", "dvk_union", "dvk_statehub")
PICKED = ("hr.department", "hr.employee", "res.users")
READONLY = ("1", "True", "true")


def _options(node):
    text = (node.get("options") or "{}").replace("true", "True")
    text = text.replace("false", "False")
    try:
        return ast.literal_eval(text)
    except (ValueError, SyntaxError):
        return {}


@tagged("post_install", "-at_install")
class TestFormPickers(TransactionCase):
    def _dvk_views(self):
        """The primary form and list views of the DVK addons, and the primary
        views that the DVK addons extend, each once."""
        data = self.env["ir.model.data"].search(
            [("module", "in", DVK_MODULES), ("model", "=", "ir.ui.view")]
        )
        views = self.env["ir.ui.view"].browse(data.mapped("res_id")).exists()
        primaries = self.env["ir.ui.view"]
        for view in views:
            while view.mode != "primary" and view.inherit_id:
                view = view.inherit_id
            if view.type in ("form", "list"):
                primaries |= view
        return primaries

    def _creatable_pickers(self, model, node, found, where):
        """(view, model, field) of the editable pickers of ``PICKED`` records
        under ``node`` that offer to create one."""
        for child in node.iterchildren(tag=etree.Element):
            if child.tag == "list" and not child.get("editable"):
                # Rows of a list open a form: nothing is picked in the row.
                continue
            if child.tag != "field":
                self._creatable_pickers(model, child, found, where)
                continue
            field = model._fields.get(child.get("name"))
            if field is None:
                continue
            if field.type in ("one2many", "many2many") and len(child):
                # Subviews of the lines: their fields belong to the comodel.
                self._creatable_pickers(
                    self.env[field.comodel_name], child, found, where
                )
            if field.type not in ("many2one", "many2many"):
                continue
            if field.comodel_name not in PICKED:
                continue
            if not any(module.startswith("dvk_") for module in field._modules):
                continue
            if child.get("invisible") in READONLY or child.get("readonly") in READONLY:
                continue
            if field.readonly and child.get("readonly") is None:
                continue
            options = _options(child)
            if options.get("no_create") or (
                options.get("no_quick_create") and options.get("no_create_edit")
            ):
                continue
            found.append(f"{where}: {model._name}.{field.name}")

    def test_no_quick_create_of_units_people_or_users(self):
        """Rule: the DVK forms pick units, employees and users among existing
        records: every editable picker of hr.department, hr.employee or
        res.users added by the DVK addons has no "Create ..." entry."""
        views = self._dvk_views()
        self.assertTrue(views)
        found = []
        for view in views:
            model = self.env[view.model]
            arch = etree.fromstring(model.get_view(view.id, view.type)["arch"])
            root = etree.Element("view")
            root.append(arch)
            self._creatable_pickers(model, root, found, view.xml_id or view.name)
        self.assertFalse(
            found,
            "Pickers offering to create a unit, a person or a user:\n"
            + "\n".join(sorted(set(found))),
        )
