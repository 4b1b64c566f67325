// Vite bundles the dashboard pages' stylesheet with their chunk.
declare module '*.css';
