/** An upload's progress bar with its percentage in words. */
export function UploadProgress({ fraction, label = 'Uploading' }: { fraction: number | null; label?: string }) {
  if (fraction === null) return null;
  const percent = Math.round(fraction * 100);
  return (
    <div className="upload-progress" role="status">
      <label>
        {label}: {percent}%
        <progress className="progress" max={100} value={percent} />
      </label>
    </div>
  );
}
