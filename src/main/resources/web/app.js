// Triage web chat: one conversation per browser tab, spoken through the same API as every channel.
(() => {
  "use strict";
  const $ = (id) => document.getElementById(id);
  const store = window.sessionStorage;
  let conversation = store.getItem("triage.conversation") || newId();
  store.setItem("triage.conversation", conversation);
  let token = store.getItem("triage.token") || "";
  let pending = null;

  function newId() {
    const bytes = new Uint8Array(9);
    crypto.getRandomValues(bytes);
    return "web-" + Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
  }

  // The reply is markdown from the server; only bold, italics, code and list items are used.
  function escape(s) {
    return s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c]));
  }
  function inline(s) {
    return escape(s)
      .replace(/`([^`]+)`/g, "<code>$1</code>")
      .replace(/\*\*([^*]+)\*\*/g, "<strong>$1</strong>")
      .replace(/(^|[\s(\[])_([^_]+)_(?=$|[\s.,;:)\]])/g, "$1<em>$2</em>");
  }
  function markdown(text) {
    return text.split("\n").map((line) =>
      line.startsWith("- ") ? "<p>&bull; " + inline(line.slice(2)) + "</p>" : "<p>" + inline(line) + "</p>").join("");
  }

  function say(who, html) {
    const li = document.createElement("li");
    li.className = who;
    li.innerHTML = html;
    $("messages").appendChild(li);
    li.scrollIntoView({ block: "end" });
    return li;
  }

  function showSuspects(body) {
    const causes = $("causes");
    causes.innerHTML = "";
    if (!body.causes || body.causes.length === 0) causes.innerHTML = '<li class="none">None yet.</li>';
    for (const c of body.causes || []) {
      const li = document.createElement("li");
      li.className = "cause";
      li.dataset.component = c.component;
      const pct = Math.round(c.confidence * 100);
      li.innerHTML = '<div class="name"><span>' + escape(c.name) + "</span><span>" + c.confidence.toFixed(2) +
        '</span></div><div class="bar" role="meter" aria-valuemin="0" aria-valuemax="1" aria-valuenow="' +
        c.confidence + '"><span></span></div><div class="why">' + escape((c.because || []).join(", ")) + "</div>";
      li.querySelector(".bar span").style.width = pct + "%";  // through the DOM: the CSP allows no inline styles
      causes.appendChild(li);
    }
    const out = $("ruled-out");
    out.innerHTML = "";
    if (!body.ruledOut || body.ruledOut.length === 0) out.innerHTML = '<li class="none">Nothing yet.</li>';
    for (const c of body.ruledOut || []) {
      const li = document.createElement("li");
      li.className = "out";
      li.textContent = c.name + (c.against && c.against.length ? ": " + c.against.join(", ") : "");
      out.appendChild(li);
    }
  }

  async function send(text) {
    if (!text.trim()) return;
    pending = text;
    say("you", "<p>" + escape(text) + "</p>");
    $("answer").hidden = true;
    const headers = { "Content-Type": "application/json" };
    if (token) headers["Authorization"] = "Bearer " + token;
    let res;
    try {
      res = await fetch("/api/conversations/" + encodeURIComponent(conversation) + "/messages",
        { method: "POST", headers, body: JSON.stringify({ text }) });
    } catch (e) {
      say("error", "<p>Triage is not reachable: " + escape(String(e)) + "</p>");
      return;
    }
    const body = await res.json().catch(() => ({ error: "unreadable answer (HTTP " + res.status + ")" }));
    if (res.status === 401) {
      $("token").hidden = false;
      say("error", "<p>" + escape(body.error || "unauthorized") + "</p>");
      return;
    }
    if (!res.ok) {
      say("error", "<p>" + escape(body.error || "HTTP " + res.status) + "</p>");
      return;
    }
    pending = null;
    say("triage", markdown(body.reply));
    showSuspects(body);
    $("answer").hidden = !body.nextCheck;
  }

  $("ask").addEventListener("submit", (e) => {
    e.preventDefault();
    const text = $("text").value;
    $("text").value = "";
    send(text);
  });
  for (const b of [$("yes"), $("no")]) b.addEventListener("click", () => send(b.dataset.answer));
  $("reset").addEventListener("click", async () => {
    const headers = token ? { Authorization: "Bearer " + token } : {};
    await fetch("/api/conversations/" + encodeURIComponent(conversation), { method: "DELETE", headers }).catch(() => {});
    conversation = newId();
    store.setItem("triage.conversation", conversation);
    $("messages").innerHTML = "";
    showSuspects({ causes: [], ruledOut: [] });
    $("answer").hidden = true;
    say("triage", markdown("Starting over. What do you see?"));
  });
  $("token").addEventListener("submit", (e) => {
    e.preventDefault();
    token = $("token-value").value.trim();
    store.setItem("triage.token", token);
    $("token").hidden = true;
    if (pending) { const t = pending; $("messages").lastChild.remove(); send(t); }
  });
  say("triage", markdown("What do you see? Describe the symptoms in your own words, or say **help**."));
})();
