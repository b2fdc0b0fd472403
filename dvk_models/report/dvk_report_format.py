"""What the printed forms write the same way: the language they print in,
the dots and blanks left for the clerk, numbers and dates the Vietnamese
way. Plain Python, shared by the core's and the sectors' reports."""

# The forms are Vietnamese legal documents: names of fields, levels and
# criteria are printed in Vietnamese whenever the language is installed.
REPORT_LANG = "vi_VN"

DOTS_DATE = "ngày ..... tháng ..... năm ......"
DOTS_NAME = "............................................"
DOTS_PLACE = "................"
BLANK_NUMBER = "\u00a0" * 6


def vn_number(value, digits=2):
    """A score the Vietnamese way: 10.0 -> "10", 7.5 -> "7,5"."""
    text = f"{value or 0.0:.{digits}f}".rstrip("0").rstrip(".")
    return text.replace(".", ",")


def vn_fixed(value, digits=1):
    """A rate with a fixed number of decimals, the Vietnamese way: 50.0 ->
    "50,0"."""
    return f"{value or 0.0:.{digits}f}".replace(".", ",")


def short_date(value):
    return value.strftime("%d/%m/%Y") if value else ""
