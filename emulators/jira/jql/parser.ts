/**
 * A JQL parser for the subset Bosun and people use: clauses joined with
 * AND/OR/NOT and parentheses, operators = != > >= < <= in, not in, is, is not,
 * lists, functions and ORDER BY. Anything else is rejected with Jira's wording.
 */
export class JqlError extends Error {}

export type Operator = "=" | "!=" | ">" | ">=" | "<" | "<=" | "in" | "not in" | "is" | "is not";

export type JqlValue =
  { kind: "literal"; text: string } | { kind: "empty" } | { kind: "function"; name: string; args: string[] };

export type Clause = { kind: "clause"; field: string; operator: Operator; values: JqlValue[] };
export type JqlNode =
  Clause | { kind: "and"; items: JqlNode[] } | { kind: "or"; items: JqlNode[] } | { kind: "not"; item: JqlNode };
export type OrderItem = { field: string; direction: "asc" | "desc" };
export type JqlQuery = { where: JqlNode | null; orderBy: OrderItem[] };

type Token = { type: "word" | "string" | "op" | "punct"; text: string; position: number };

const OPERATOR_CHARS = /[=!<>~]/;
const WORD_STOP = /[\s()=,!<>~"']/;

function tokenize(jql: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < jql.length) {
    const ch = jql[i] as string;
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    if (ch === "(" || ch === ")" || ch === ",") {
      tokens.push({ type: "punct", text: ch, position: i });
      i++;
      continue;
    }
    if (ch === '"' || ch === "'") {
      let text = "";
      let j = i + 1;
      while (j < jql.length && jql[j] !== ch) {
        if (jql[j] === "\\" && j + 1 < jql.length) j++;
        text += jql[j];
        j++;
      }
      if (j >= jql.length) throw syntaxError(`The quoted string '${text}' has not been completed.`, i);
      tokens.push({ type: "string", text, position: i });
      i = j + 1;
      continue;
    }
    if (OPERATOR_CHARS.test(ch)) {
      const two = jql.slice(i, i + 2);
      const op = ["!=", ">=", "<=", "!~"].includes(two) ? two : ch;
      if (op === "!") throw syntaxError("Expecting an operator but got '!'.", i);
      tokens.push({ type: "op", text: op, position: i });
      i += op.length;
      continue;
    }
    let j = i;
    while (j < jql.length && !WORD_STOP.test(jql[j] as string)) j++;
    tokens.push({ type: "word", text: jql.slice(i, j), position: i });
    i = j;
  }
  return tokens;
}

function syntaxError(message: string, position: number): JqlError {
  return new JqlError(`Error in the JQL Query: ${message} (line 1, character ${position + 1})`);
}

const isKeyword = (token: Token | undefined, word: string) =>
  token?.type === "word" && token.text.toLowerCase() === word;

class Parser {
  private i = 0;
  constructor(
    private readonly tokens: Token[],
    private readonly length: number,
  ) {}

  private peek(offset = 0) {
    return this.tokens[this.i + offset];
  }

  private next(): Token {
    const token = this.tokens[this.i++];
    if (!token) throw syntaxError("Expecting more input but reached the end of the query.", this.length);
    return token;
  }

  parse(): JqlQuery {
    let where: JqlNode | null = null;
    if (this.peek() && !isKeyword(this.peek(), "order")) where = this.parseOr();
    const orderBy: OrderItem[] = [];
    if (isKeyword(this.peek(), "order")) {
      this.next();
      const by = this.next();
      if (!isKeyword(by, "by")) throw syntaxError(`Expecting 'by' but got '${by.text}'.`, by.position);
      do {
        const field = this.next();
        if (field.type !== "word" && field.type !== "string")
          throw syntaxError(`Expecting a field name but got '${field.text}'.`, field.position);
        let direction: "asc" | "desc" = "asc";
        if (isKeyword(this.peek(), "asc") || isKeyword(this.peek(), "desc"))
          direction = this.next().text.toLowerCase() as "asc" | "desc";
        orderBy.push({ field: field.text, direction });
      } while (this.peek()?.text === "," && this.next());
    }
    const rest = this.peek();
    if (rest) throw syntaxError(`Expecting either 'OR' or 'AND' but got '${rest.text}'.`, rest.position);
    if (orderBy.length > 7) throw new JqlError("The ORDER BY clause can contain at most 7 fields.");
    return { where, orderBy };
  }

  private parseOr(): JqlNode {
    return this.parseJoined("or", () => this.parseAnd());
  }

  private parseAnd(): JqlNode {
    return this.parseJoined("and", () => this.parseNot());
  }

  /** `operand (kind operand)*`; a lone operand stands as itself rather than a one-item group. */
  private parseJoined(kind: "or" | "and", operand: () => JqlNode): JqlNode {
    const items = [operand()];
    while (isKeyword(this.peek(), kind)) {
      this.next();
      items.push(operand());
    }
    return items.length === 1 ? (items[0] as JqlNode) : { kind, items };
  }

  private parseNot(): JqlNode {
    if (isKeyword(this.peek(), "not")) {
      this.next();
      return { kind: "not", item: this.parseNot() };
    }
    if (this.peek()?.text === "(" && this.peek()?.type === "punct") {
      this.next();
      const inner = this.parseOr();
      const close = this.next();
      if (close.text !== ")") throw syntaxError(`Expecting ')' but got '${close.text}'.`, close.position);
      return inner;
    }
    return this.parseClause();
  }

  private parseClause(): Clause {
    const fieldToken = this.next();
    if (fieldToken.type === "punct" || fieldToken.type === "op")
      throw syntaxError(`Expecting a field name but got '${fieldToken.text}'.`, fieldToken.position);
    const operator = this.parseOperator();
    if (operator === "in" || operator === "not in") {
      const open = this.peek();
      if (open?.text === "(" && open.type === "punct") {
        this.next();
        const values: JqlValue[] = [];
        if (this.peek()?.text !== ")") {
          values.push(this.parseValue());
          while (this.peek()?.text === ",") {
            this.next();
            values.push(this.parseValue());
          }
        }
        const close = this.next();
        if (close.text !== ")") throw syntaxError(`Expecting ',' or ')' but got '${close.text}'.`, close.position);
        if (values.length === 0) throw syntaxError("Expecting a value in the list but got ')'.", close.position);
        return { kind: "clause", field: fieldToken.text, operator, values };
      }
      const value = this.parseValue();
      if (value.kind !== "function")
        throw syntaxError(`Expecting '(' but got '${open?.text ?? ""}'.`, open?.position ?? this.length);
      return { kind: "clause", field: fieldToken.text, operator, values: [value] };
    }
    return { kind: "clause", field: fieldToken.text, operator, values: [this.parseValue()] };
  }

  private parseOperator(): Operator {
    const token = this.next();
    if (token.type === "op") {
      if (token.text === "~" || token.text === "!~")
        throw new JqlError(
          `The operator '${token.text}' is not supported: text searches are not available on this site.`,
        );
      return token.text as Operator;
    }
    const word = token.text.toLowerCase();
    if (token.type === "word" && word === "in") return "in";
    if (token.type === "word" && word === "is") {
      if (isKeyword(this.peek(), "not")) {
        this.next();
        return "is not";
      }
      return "is";
    }
    if (token.type === "word" && word === "not" && isKeyword(this.peek(), "in")) {
      this.next();
      return "not in";
    }
    if (token.type === "word" && ["was", "changed"].includes(word))
      throw new JqlError(
        `The operator '${token.text.toUpperCase()}' is not supported: issue history is not searchable on this site.`,
      );
    throw syntaxError(
      `Expecting operator but got '${token.text}'. Valid operators are '=', '!=', '<', '>', '<=', '>=', 'in', 'not in', 'is' and 'is not'.`,
      token.position,
    );
  }

  private parseValue(): JqlValue {
    const token = this.next();
    if (token.type === "string") return { kind: "literal", text: token.text };
    if (token.type !== "word") throw syntaxError(`Expecting a value but got '${token.text}'.`, token.position);
    const lower = token.text.toLowerCase();
    if (lower === "empty" || lower === "null") return { kind: "empty" };
    if (
      this.peek()?.text === "(" &&
      this.peek()?.type === "punct" &&
      this.peek()?.position === token.position + token.text.length
    ) {
      this.next();
      const args: string[] = [];
      while (this.peek() && this.peek()?.text !== ")") {
        const arg = this.next();
        if (arg.text === ",") continue;
        args.push(arg.text);
      }
      this.next();
      return { kind: "function", name: token.text, args };
    }
    if (["and", "or", "order"].includes(lower))
      throw syntaxError(`Expecting a value but got '${token.text}'.`, token.position);
    return { kind: "literal", text: token.text };
  }
}

export function parseJql(jql: string): JqlQuery {
  return new Parser(tokenize(jql), jql.length).parse();
}
