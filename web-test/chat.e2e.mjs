// End to end: one conversation on the web chat page, from a vague complaint to a diagnosis, in
// headless Chromium (Debian's /usr/bin/chromium) driven by playwright-core.
//   node chat.e2e.mjs http://127.0.0.1:PORT screenshot.png
import { chromium } from "playwright-core";

const [base, shot] = process.argv.slice(2);
if (!base || !shot) {
  console.error("usage: node chat.e2e.mjs BASE_URL SCREENSHOT.png");
  process.exit(2);
}
const fail = (msg) => { console.error("FAIL: " + msg); process.exitCode = 1; };

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  headless: true,
  timeout: 30000,
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync"],
});
try {
  const page = await browser.newPage({ viewport: { width: 1100, height: 800 } });
  page.setDefaultTimeout(15000);
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  page.on("console", (m) => { if (m.type() === "error") errors.push(m.text()); });
  await page.goto(base + "/");

  const replies = page.locator("#messages li.triage");
  const ask = async (text) => {
    const before = await replies.count();
    await page.fill("#text", text);
    await page.click("#send");
    await replies.nth(before).waitFor();
    return (await replies.nth(before).innerText()).trim();
  };
  const click = async (id) => {
    const before = await replies.count();
    await page.click(id);
    await replies.nth(before).waitFor();
    return (await replies.nth(before).innerText()).trim();
  };

  let reply = await ask("our placeos backend is acting up");
  if (!/(First|Next) check: Can you log in\?/.test(reply)) fail("first reply should ask whether login works: " + reply);
  if (!(await page.isVisible("#yes"))) fail("Yes/No buttons should show with a question");

  // the numbers follow the calibration (README, "What a stated confidence means"); the order and the rise do not
  const confidence = (text) => Number((/Most likely RethinkDB \((0\.\d+)\)/.exec(text) || [])[1]);
  reply = await click("#no");
  const suspected = confidence(reply);
  if (!(suspected > 0)) fail("after 'no' RethinkDB should lead: " + reply);
  const bars = page.locator("#causes li.cause");
  if ((await bars.count()) < 2) fail("two suspects should be listed with bars");
  const first = await bars.first().getAttribute("data-component");
  if (first !== "rethinkdb") fail("first suspect should be rethinkdb, got " + first);
  const width = await page.locator("#causes li.cause .bar span").first().evaluate((e) => e.style.width);
  if (width !== Math.round(suspected * 100) + "%") fail("the bar should be as wide as the confidence " + suspected + ", got " + width);

  // strong now, but it settles only after RethinkDB's own check
  reply = await click("#yes");
  if (!(confidence(reply) > suspected)) fail("after 'yes' RethinkDB should lead more strongly than " + suspected + ": " + reply);
  if (!/Is RethinkDB up/.test(reply)) fail("before settling it should ask RethinkDB's own check: " + reply);
  if (!/Load balancer is ruled out/.test(await page.innerText("#ruled-out") + reply)) fail("the load balancer should be ruled out");

  reply = await click("#no");
  if (!/Then it is RethinkDB/.test(reply)) fail("after its own check it should conclude RethinkDB: " + reply);
  if (await page.isVisible("#yes")) fail("no question is left, so no buttons");

  reply = await ask("why?");
  if (!/rules\/placeos\.drl:\d+/.test(reply)) fail("why? should cite the rule file and line: " + reply);

  await page.screenshot({ path: shot, fullPage: true });
  if (errors.length) fail("browser errors: " + errors.join("; "));
  if (!process.exitCode) console.log("web chat: vague complaint -> RethinkDB in 3 answers; screenshot " + shot);
} finally {
  await browser.close();
}
