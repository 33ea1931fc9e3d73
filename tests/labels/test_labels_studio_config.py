"""The labeling config is a pure function of the schema, pinned by a golden file."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

from goldsmith.labels import ENTITY_LABELS, QUALIFIERS, QUOTE_KINDS
from goldsmith.labels.studio_config import config_differences, labeling_config

GOLDEN = Path(__file__).parent / "golden" / "labeling_config.xml"


def test_matches_golden_file():
    # Regenerate after a deliberate change with:
    # python -c "from goldsmith.labels.studio_config import labeling_config as c; \
    #   open('tests/labels/golden/labeling_config.xml','w').write(c())"
    assert labeling_config() == GOLDEN.read_text(encoding="utf-8")


def test_one_labels_control_per_layer_over_one_text():
    root = ET.fromstring(labeling_config())
    controls = {c.get("name"): c for c in root.iter("Labels")}
    assert set(controls) == {"entities", "quotes", "claims"}
    assert {c.get("toName") for c in controls.values()} == {"text"}
    assert [lab.get("value") for lab in controls["entities"]] == list(ENTITY_LABELS)
    assert [lab.get("value") for lab in controls["quotes"]] == ["QUOTE", "SOURCE"]
    assert len(list(root.iter("Text"))) == 1


def test_per_region_attribute_controls():
    root = ET.fromstring(labeling_config())
    choices = {c.get("name"): [x.get("value") for x in c] for c in root.iter("Choices")}
    assert choices == {"kind": list(QUOTE_KINDS), "qualifier": list(QUALIFIERS)}
    per_region = [e for e in root.iter() if e.get("perRegion") == "true"]
    assert {e.get("name") for e in per_region} == {
        "kind",
        "value",
        "value_high",
        "unit",
        "qualifier",
    }
    assert [r.get("value") for r in root.iter("Relation")] == ["speaker"]


def test_label_names_and_instructions_are_escaped():
    xml = labeling_config(entity_labels=("A&B", "<X>", 'say "hi"'), instructions="1 < 2 & 3")
    root = ET.fromstring(xml)  # well-formed despite the characters
    values = [lab.get("value") for lab in root.find("Labels")]
    assert values == ["A&B", "<X>", 'say "hi"']
    assert root.find("Header").get("value") == "1 < 2 & 3"


def test_attribute_controls_sit_beside_the_text_each_under_a_visible_name():
    root = ET.fromstring(labeling_config())
    (row,) = [v for v in root.iter("View") if v.find("View/Text") is not None]
    text_column, panel = list(row)
    assert "flex" in row.get("style") and text_column.find("Text") is not None
    assert "sticky" in panel.get("style")
    for name in ("kind", "value", "value_high", "unit", "qualifier"):
        (view,) = [v for v in panel.iter("View") if any(c.get("name") == name for c in v)]
        children = list(view)
        at = next(i for i, c in enumerate(children) if c.get("name") == name)
        assert children[at - 1].tag == "Header", f"{name} has no visible name above it"


def test_the_header_above_the_task_is_one_short_line():
    header = ET.fromstring(labeling_config()).find("Header").get("value")
    assert len(header) <= 80 and "\n" not in header


# -- comparing another config with goldsmith's ---------------------------------------------

HAND_MADE = """<View>
  <Labels name="label" toName="text">
    <Label value="PER"/><Label value="ORG"/>
  </Labels>
  <Choices name="sentiment" toName="text"><Choice value="positive"/></Choices>
  <Text name="text" value="$text"/>
</View>"""


def test_goldsmiths_own_config_has_no_differences():
    assert config_differences(labeling_config()) == []


def test_layout_colours_and_order_do_not_count():
    root = ET.fromstring(labeling_config())
    for header in list(root.iter("Header")):
        header.set("value", "other words")
    for label in root.iter("Label"):
        label.set("background", "#000000")
    labels = root.find("Labels")
    labels[:] = list(reversed(list(labels)))
    assert config_differences(ET.tostring(root, encoding="unicode")) == []


def test_a_hand_made_config_names_missing_and_extra_controls():
    found = config_differences(HAND_MADE)
    assert "missing control 'entities' (Labels)" in found
    assert "missing control 'value_high' (Number)" in found
    assert "missing relations (speaker)" in found
    assert "extra control 'label' (Labels)" in found
    assert "extra control 'sentiment' (Choices)" in found
    assert not any("'text'" in f for f in found)  # the Text object is the same


def test_an_older_config_lacking_one_control_is_reported_precisely():
    root = ET.fromstring(labeling_config())
    for view in root.iter("View"):
        for number in [n for n in view if n.get("name") == "value_high"]:
            view.remove(number)
    assert config_differences(ET.tostring(root, encoding="unicode")) == [
        "missing control 'value_high' (Number)"
    ]


def test_labels_types_and_targets_are_compared():
    xml = (
        labeling_config()
        .replace('<Label value="EVENT"', '<Label value="MISC"')
        .replace('<Choices name="kind" toName="text"', '<Choices name="kind" toName="body"')
        .replace('<Number name="value" ', '<TextArea name="value" ')
        .replace('<Relation value="speaker"', '<Relation value="said_by"')
    )
    assert config_differences(xml) == [
        "relations lacks labels speaker",
        "relations has extra labels said_by",
        "'entities' lacks labels EVENT",
        "'entities' has extra labels MISC",
        "'kind' has toName='body', goldsmith's 'text'",
        "'value' is a TextArea, goldsmith's is a Number",
    ]


def test_a_config_that_is_not_xml_is_one_difference():
    (found,) = config_differences("<View><Labels")
    assert found.startswith("the config is not XML")
