"""The long titles of the DVK forms wrap instead of being cut: the name of a
model or an exemplar and the subject of a decision are often a whole sentence
("Dân vận khéo trong vận động nhân dân hiến đất, góp công làm đường giao
thông nông thôn ..."), which a one-line input hides past its width."""

from lxml import etree

from odoo.tests import TransactionCase, tagged

TITLES = (
    ("dvk.model", "name"),
    ("dvk.exemplar", "name"),
    ("dvk.decision", "title"),
)


@tagged("post_install", "-at_install")
class TestFormTitles(TransactionCase):
    def test_long_titles_wrap(self):
        """Issue 22 J1-2: on the form of a model, an exemplar and a decision,
        the title field is a text widget without line breaks (as Odoo's own
        forms show long names), so a long title wraps and is read whole."""
        for model, fname in TITLES:
            with self.subTest(model=model):
                arch = etree.fromstring(
                    self.env[model].get_view(view_type="form")["arch"]
                )
                nodes = arch.xpath(
                    f"//div[contains(@class, 'oe_title')]//field[@name='{fname}']"
                )
                self.assertTrue(nodes, "the title is on the form")
                for node in nodes:
                    self.assertEqual(node.get("widget"), "text")
                    self.assertIn("'line_breaks': False", node.get("options", ""))
