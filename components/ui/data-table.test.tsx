import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { DataTable, TableRow } from "./data-table";
import { TableHead } from "./table-head";

describe("table primitives", () => {
  it("header cells keep their scope and classes: a gap after every column but the last, hidden and narrow labels", () => {
    const html = renderToStaticMarkup(
      <table>
        <TableHead columns={[{ label: "Select", srOnly: true, narrow: true }, "Severity", "Jira"]} tight />
      </table>,
    );
    expect(html).toBe(
      "<table><thead>" +
        '<tr class="text-xs uppercase tracking-wide text-slate-500 dark:text-slate-400">' +
        '<th scope="col" class="pb-2 pr-2 font-medium"><span class="sr-only">Select</span></th>' +
        '<th scope="col" class="pb-2 pr-3 font-medium">Severity</th>' +
        '<th scope="col" class="pb-2 font-medium">Jira</th>' +
        "</tr></thead></table>",
    );
  });

  it("dense headers trim the space below and narrow the gaps", () => {
    const html = renderToStaticMarkup(
      <table>
        <TableHead columns={["Issue", "Why"]} dense />
      </table>,
    );
    expect(html).toContain('<th scope="col" class="pb-1 pr-3 font-medium">Issue</th>');
    expect(html).toContain('<th scope="col" class="pb-1 font-medium">Why</th>');
  });

  it("a data table scrolls sideways in a focusable scroller, sets small text unless told not to, and its rows pass attributes through", () => {
    const row = (
      <TableRow data-write-id="w1">
        <td>x</td>
      </TableRow>
    );
    expect(renderToStaticMarkup(<DataTable head={null}>{row}</DataTable>)).toBe(
      '<div class="relative overflow-x-auto" tabindex="0"><table class="w-full text-left text-sm"><tbody>' +
        '<tr data-write-id="w1" class="data-row align-top"><td>x</td></tr>' +
        "</tbody></table></div>",
    );
    expect(
      renderToStaticMarkup(
        <DataTable head={null} smallText={false}>
          {null}
        </DataTable>,
      ),
    ).toContain('<table class="w-full text-left">');
    expect(
      renderToStaticMarkup(
        <table>
          <tbody>
            <TableRow alignTop={false} />
          </tbody>
        </table>,
      ),
    ).toContain('<tr class="data-row">');
  });
});
