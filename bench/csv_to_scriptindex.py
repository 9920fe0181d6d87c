#!/usr/bin/env python3
"""Writes bench/generate_responses CSV as scriptindex's input (field=value
lines, a blank line after each record) for bench/run.sh; not timed there."""
import csv
import sys

COLUMNS = {
    "Response ID": "id", "Date": "date", "Event": "event", "Channel": "channel",
    "Question": "question", "Response": "response", "Age band": "age_band",
    "Gender": "gender", "Ethnicity": "ethnicity", "Postcode district": "postcode_district",
    "Carer": "carer", "Lives alone": "lives_alone",
}

def main(source, target):
    with open(source, newline="", encoding="utf-8") as rows, open(target, "w", encoding="utf-8") as out:
        for row in csv.DictReader(rows):
            for column, field in COLUMNS.items():
                lines = (row.get(column) or "").split("\n")
                out.write(f"{field}={lines[0]}\n")
                for more in lines[1:]:  # a value's further lines start with '='
                    out.write(f"={more}\n")
            out.write("\n")

if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
