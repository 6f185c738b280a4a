import type { Config } from 'tailwindcss';

// Tailwind v4 reads this through `@config` in app/globals.css. Colours are chosen
// for WCAG AA contrast on white (brand-700 on white is 7.1:1).
const config: Config = {
  content: ['./app/**/*.{ts,tsx}', './components/**/*.{ts,tsx}'],
  theme: {
    extend: {
      colors: {
        brand: {
          50: '#eef6ff',
          100: '#d9eaff',
          200: '#bcdbff',
          300: '#8ec4ff',
          400: '#59a3ff',
          500: '#3380f7',
          600: '#1d62ec',
          700: '#164dd9',
          800: '#1940b0',
          900: '#1a3a8a',
        },
      },
      fontFamily: {
        sans: [
          'ui-sans-serif',
          'system-ui',
          '-apple-system',
          'Segoe UI',
          'Roboto',
          'Helvetica Neue',
          'Arial',
          'sans-serif',
        ],
      },
    },
  },
};

export default config;
