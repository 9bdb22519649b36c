import type { Metadata } from "next";
import { headers } from "next/headers";
import { GeistSans } from "geist/font/sans";
import { GeistMono } from "geist/font/mono";
import { ThemeScript } from "@/components/ui/theme-script";
import { TimeZoneScript } from "@/components/ui/tz-script";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Bosun", template: "%s · Bosun" },
  description: "Sprint capacity, error health and org access for engineering teams.",
};

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const nonce = (await headers()).get("x-nonce") ?? undefined;
  return (
    <html lang="en" className={`${GeistSans.variable} ${GeistMono.variable}`} suppressHydrationWarning>
      <head>
        <ThemeScript nonce={nonce} />
        <TimeZoneScript nonce={nonce} />
      </head>
      <body className="min-h-screen bg-slate-50 font-sans text-slate-900 antialiased dark:bg-slate-950 dark:text-slate-100">
        {children}
      </body>
    </html>
  );
}
