import '@testing-library/jest-dom/vitest';
import { configure } from '@testing-library/react';

// Lazy pages are transformed on first use; on a busy 2-core machine that can
// take seconds, so the async queries wait longer than the default 1 s.
configure({ asyncUtilTimeout: 5000 });
