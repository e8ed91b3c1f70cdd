import Link from "next/link";

// Reached only for paths outside the localized site (e.g. an unknown /api/... URL).
export default function GlobalNotFound() {
  return (
    <html lang="vi">
      <body style={{ fontFamily: "system-ui, sans-serif", padding: "2rem" }}>
        <h1>404 – Không tìm thấy trang / Page not found</h1>
        <p>
          <Link href="/">Trang chủ</Link> · <Link href="/en">Home (English)</Link>
        </p>
      </body>
    </html>
  );
}
