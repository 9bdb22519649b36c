import { qrCodeImageSource } from "./qr-code";

/**
 * What a new authenticator needs: the QR code to scan when WorkOS drew one,
 * and always the setup key to type in (and the otpauth link), so enrolling
 * never depends on the image.
 */
export function TotpSetup({ secret, uri, qrCode }: { secret: string; uri: string; qrCode?: string | null }) {
  const source = qrCodeImageSource(qrCode);
  return (
    <div className="space-y-3 rounded-lg bg-slate-100 p-3 text-sm dark:bg-slate-800">
      <p>
        {source
          ? "Scan this code with your authenticator app, or add the key below by hand, then enter the code it shows."
          : "Add this key to your authenticator app, then enter the code it shows."}
      </p>
      <div className="flex flex-wrap items-center gap-4">
        {source && (
          // A data: URI from WorkOS: next/image has nothing to optimise here.
          // eslint-disable-next-line @next/next/no-img-element
          <img
            src={source}
            alt="QR code for setting up your authenticator app; the setup key next to it holds the same secret"
            width={160}
            height={160}
            className="h-40 w-40 rounded bg-white p-2"
          />
        )}
        <p className="min-w-0">
          Setup key:{" "}
          <code className="break-all font-mono font-semibold tracking-wider" data-testid="totp-secret">
            {secret}
          </code>
        </p>
      </div>
      <p className="break-all text-xs text-slate-600 dark:text-slate-300">
        Or open{" "}
        <a className="underline" href={uri}>
          this setup link
        </a>{" "}
        on a device with an authenticator app.
      </p>
    </div>
  );
}
