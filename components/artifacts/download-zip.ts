/** Hands the zip to the browser's download manager. */
export function downloadZip(zip: Uint8Array, fileName: string): void {
  downloadFile(zip as BlobPart, fileName, "application/zip");
}

/** Hands a file made in the page to the browser's download manager; the object URL is released right after. */
export function downloadFile(data: BlobPart, fileName: string, type: string): void {
  const url = URL.createObjectURL(new Blob([data], { type }));
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function bundleFileName(generatedAt: Date): string {
  return `sensu-tls-bundle-${generatedAt.toISOString().slice(0, 10)}.zip`;
}
