#!/usr/bin/env python3
"""Turns PostgreSQL's statement log of one request into a pgbench script that sends the same statements.

    bench/pgbench_from_log.py LOG_SEGMENT DATABASE MARKER [ORDER_ID]

LOG_SEGMENT is the part of the server's stderr log (log_line_prefix '%m [%p] %q%u@%d ', log_statement = all)
written while the service handled one request; MARKER is a string found in one of that request's bound
parameters (the idempotency key as stored, or the order id of a transition). The script keeps the statements of the
transactions that hold the marker, BEGIN and COMMIT included (a statement outside one is a transaction of
its own, as PostgreSQL runs it), in their order and with their text unchanged,
and binds each parameter as the literal the log shows, except where a value must differ per transaction:
the marker becomes 'ceiling-' || :ceiling_r, and ORDER_ID (the order the request created or changed) becomes a
UUID made from :ceiling_r. :ceiling_r counts per client from :ceiling_base (pgbench -D ceiling_base=N -D
ceiling_n=0), so a placing script and a transition script run with the same base, client count and
transaction count create and then change the same orders, each once. Prints the script to stdout; the
statements as a list to stderr.
"""
import re
import sys

PREFIX = re.compile(r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(?:\.\d+)? \S+ \[(\d+)\] (\S*)@(\S*) (\w+):  (.*)$")
STATEMENT = re.compile(r"^(?:execute [^:]+|statement): (.*)$", re.S)
PARAMETER = re.compile(r"\$(\d+) = ('(?:[^']|'')*'|NULL)")


def messages(lines):
    """(pid, database, level, text) of each log message; continuation lines start with a tab."""
    current = None
    for line in lines:
        line = line.rstrip("\n")
        match = PREFIX.match(line)
        if match:
            if current:
                yield current
            pid, _, database, level, text = match.groups()
            current = [pid, database, level, text]
        elif current is not None:
            current[3] += "\n" + (line[1:] if line.startswith("\t") else line)
    if current:
        yield current


def main():
    log, database, marker = sys.argv[1], sys.argv[2], sys.argv[3]
    order_id = sys.argv[4] if len(sys.argv) > 4 else None
    with open(log, encoding="utf-8", errors="replace") as f:
        entries = [m for m in messages(f) if m[1] == database]
    # statements with their parameters, per backend
    statements = []
    for pid, _, level, text in entries:
        if level == "LOG":
            match = STATEMENT.match(text)
            if match:
                statements.append({"pid": pid, "sql": match.group(1), "parameters": {}})
        elif level == "DETAIL" and text.startswith("parameters: ") and statements:
            for statement in reversed(statements):
                if statement["pid"] == pid:
                    statement["parameters"] = {int(n): v for n, v in PARAMETER.findall(text)}
                    break
    marked = [s for s in statements if any(marker in v for v in s["parameters"].values())]
    if not marked:
        sys.exit(f"no statement in the log of database {database} has a parameter holding {marker!r}")
    # every transaction that holds a marked statement, in the order they began (a request may use several
    # connections one after another); a statement outside BEGIN ... COMMIT is a transaction of its own
    def keyword(statement):
        return statement["sql"].strip().upper()

    transactions = {}
    for statement in marked:
        own = [s for s in statements if s["pid"] == statement["pid"]]
        at = own.index(statement)
        opened = [i for i in range(at) if keyword(own[i]) == "BEGIN"]
        closed = [i for i in range(at) if keyword(own[i]) in ("COMMIT", "ROLLBACK")]
        if opened and (not closed or opened[-1] > closed[-1]):
            begin = opened[-1]
            end = min(i for i in range(at, len(own)) if keyword(own[i]) in ("COMMIT", "ROLLBACK"))
        else:
            begin = end = at
        transactions[id(own[begin])] = (statements.index(own[begin]), own[begin:end + 1])
    transaction = [s for _, t in sorted(transactions.values(), key=lambda t: t[0]) for s in t]

    # pgbench's prepared mode cannot bind one variable twice in a statement: the n-th use in a statement reads
    # the n-th copy of the value
    uses = [0]

    def unique(expression):
        uses[0] += 1
        return expression.replace(":ceiling_r", ":ceiling_r" if uses[0] == 1 else f":ceiling_r{uses[0]}")

    order_uuid = "(lpad(to_hex(:ceiling_r::bigint), 32, '0'))::uuid"

    def quoted(text):
        if ":" in text:
            # pgbench would take ':name' inside a quoted literal (JSON's "actor":"system:api") for a variable
            return "E'" + text.replace("\\", "\\\\").replace("'", "\\'").replace(":", "\\x3a") + "'"
        return "'" + text.replace("'", "''") + "'"

    def literal(value):
        if value == "NULL":
            return "NULL"
        text = value[1:-1].replace("''", "'")
        if order_id and text == order_id:
            return unique(order_uuid)
        if order_id and order_id in text:
            # the order's id inside a longer value: the JSON of the events that one statement appends
            return unique(f"replace({quoted(text)}, '{order_id}', ({order_uuid})::text)")
        if marker in text and not text.startswith("{"):
            return unique("('ceiling-' || :ceiling_r::bigint)")
        return quoted(text)

    body = []
    most = 1
    for statement in transaction:
        uses[0] = 0
        sql = re.sub(r"\$(\d+)", lambda m: literal(statement["parameters"][int(m.group(1))]), statement["sql"])
        most = max(most, uses[0])
        # pgbench's lexer reads a command up to its unquoted semicolon, across lines
        body.append(sql.strip() + ";")
        print(" ".join(statement["sql"].split())[:160], file=sys.stderr)
    out = ["-- generated by bench/pgbench_from_log.py from the statement log of one request; do not edit",
           "\\set ceiling_n :ceiling_n + 1",
           "\\set ceiling_r :ceiling_base + :client_id * 1000000000 + :ceiling_n"]
    out += [f"\\set ceiling_r{n} :ceiling_r" for n in range(2, most + 1)]
    print("\n".join(out + body))


if __name__ == "__main__":
    main()
