/**
 * The hosted AuthKit sign-in screens, rendered as self-contained HTML (inline
 * CSS, no scripts, no external assets): email + password, the TOTP step and
 * the organisation chooser. Every control has a visible label and works with
 * the keyboard alone.
 */

export const escapeHtml = (value: string) => value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const STYLE = `
*{box-sizing:border-box}
body{margin:0;min-height:100vh;display:flex;align-items:center;justify-content:center;background:#f4f5f7;font:16px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif;color:#1f2328}
main{width:100%;max-width:380px;margin:24px;padding:32px;background:#fff;border:1px solid #d8dce1;border-radius:12px}
h1{margin:0 0 4px;font-size:1.4rem}
p.lead{margin:0 0 20px;color:#57606a}
label{display:block;margin:14px 0 4px;font-weight:600}
input[type=email],input[type=password],input[type=text]{width:100%;padding:10px 12px;border:1px solid #8c959f;border-radius:6px;font:inherit}
input:focus-visible,button:focus-visible{outline:3px solid #0969da;outline-offset:2px}
fieldset{margin:0;padding:0;border:0}
legend{font-weight:600;margin-bottom:8px}
.choice{display:flex;align-items:center;gap:10px;padding:10px 12px;margin:8px 0;border:1px solid #d8dce1;border-radius:6px}
.choice label{margin:0;font-weight:500}
button{width:100%;margin-top:22px;padding:11px;border:0;border-radius:6px;background:#1f2328;color:#fff;font:inherit;font-weight:600;cursor:pointer}
button:hover{background:#32383f}
.error{margin:16px 0 0;padding:10px 12px;border-radius:6px;background:#ffebe9;border:1px solid #ff8182;color:#82071e}
.note{margin-top:18px;font-size:.875rem;color:#57606a}
`;

function page(title: string, content: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
${content}
</main>
</body>
</html>`;
}

const hidden = (fields: Record<string, string>) =>
  Object.entries(fields)
    .map(([name, value]) => `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}">`)
    .join("\n");

const errorBlock = (error: string | undefined) =>
  error ? `<p class="error" role="alert" id="form-error">${escapeHtml(error)}</p>` : "";
const describedBy = (error: string | undefined) => (error ? ' aria-describedby="form-error" aria-invalid="true"' : "");

export function renderSignIn(input: {
  action: string;
  params: Record<string, string>;
  email?: string;
  error?: string;
  notice?: string;
  lead?: string;
}): string {
  const { action, params, email = "", error, notice, lead = "Continue to Bosun" } = input;
  return page(
    "Sign in",
    `<h1>Sign in</h1>
<p class="lead">${escapeHtml(lead)}</p>
<form method="post" action="${escapeHtml(action)}" novalidate>
${hidden(params)}
${errorBlock(error)}
<label for="email">Email</label>
<input id="email" name="email" type="email" autocomplete="username" required value="${escapeHtml(email)}"${error ? "" : " autofocus"}${describedBy(error)}>
<label for="password">Password</label>
<input id="password" name="password" type="password" autocomplete="current-password" required${error ? " autofocus" : ""}${describedBy(error)}>
<button type="submit">Sign in</button>
</form>
${notice ? `<p class="note">${escapeHtml(notice)}</p>` : ""}`,
  );
}

export function renderTotp(input: { action: string; token: string; email: string; error?: string }): string {
  const { action, token, email, error } = input;
  return page(
    "Two-factor authentication",
    `<h1>Two-factor authentication</h1>
<p class="lead">Enter the 6-digit code from your authenticator app for ${escapeHtml(email)}.</p>
<form method="post" action="${escapeHtml(action)}" novalidate>
${hidden({ pending_authentication_token: token })}
${errorBlock(error)}
<label for="code">Authentication code</label>
<input id="code" name="code" type="text" inputmode="numeric" pattern="[0-9]{6}" maxlength="6" autocomplete="one-time-code" required autofocus${describedBy(error)}>
<button type="submit">Verify</button>
</form>`,
  );
}

export function renderOrganizationChooser(input: {
  action: string;
  token: string;
  organizations: { id: string; name: string }[];
  error?: string;
}): string {
  const { action, token, organizations, error } = input;
  const choices = organizations
    .map(
      (org, i) => `<div class="choice">
<input type="radio" id="org-${i}" name="organization_id" value="${escapeHtml(org.id)}"${i === 0 ? " checked" : ""} required>
<label for="org-${i}">${escapeHtml(org.name)}</label>
</div>`,
    )
    .join("\n");
  return page(
    "Choose an organization",
    `<h1>Choose an organization</h1>
<p class="lead">Your account belongs to several organizations.</p>
<form method="post" action="${escapeHtml(action)}">
${hidden({ pending_authentication_token: token })}
${errorBlock(error)}
<fieldset>
<legend>Organization</legend>
${choices}
</fieldset>
<button type="submit">Continue</button>
</form>`,
  );
}

export function renderAcceptInvitation(input: {
  action: string;
  token: string;
  email: string;
  organizationName: string | null;
  error?: string;
}): string {
  const { action, token, email, organizationName, error } = input;
  return page(
    "Accept invitation",
    `<h1>Accept invitation</h1>
<p class="lead">Create the account for ${escapeHtml(email)}${organizationName ? ` and join ${escapeHtml(organizationName)}` : ""}.</p>
<form method="post" action="${escapeHtml(action)}" novalidate>
${hidden({ invitation_token: token })}
${errorBlock(error)}
<label for="first_name">First name</label>
<input id="first_name" name="first_name" type="text" autocomplete="given-name" required autofocus>
<label for="last_name">Last name</label>
<input id="last_name" name="last_name" type="text" autocomplete="family-name" required>
<label for="password">Password</label>
<input id="password" name="password" type="password" autocomplete="new-password" minlength="8" required${describedBy(error)}>
<button type="submit">Accept invitation</button>
</form>`,
  );
}

export function renderMessage(title: string, message: string): string {
  return page(title, `<h1>${escapeHtml(title)}</h1>\n<p class="lead" role="alert">${escapeHtml(message)}</p>`);
}
